#ifndef PROFILER_CONTROL_H
#define PROFILER_CONTROL_H
/// Zeroes callgrind's counters and starts collecting (no-op outside valgrind or without its headers).
void profiler_start(void);
/// Stops callgrind's collection (no-op outside valgrind or without its headers).
void profiler_stop(void);
#endif
