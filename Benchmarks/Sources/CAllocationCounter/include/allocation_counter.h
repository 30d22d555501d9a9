#ifndef ALLOCATION_COUNTER_H
#define ALLOCATION_COUNTER_H
/// The number of heap allocations (malloc, calloc, realloc, aligned) made by the process so far.
unsigned long allocation_counter_total(void);
#endif
