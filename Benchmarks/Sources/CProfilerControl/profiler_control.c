// Brackets the measured loop of `securecookie-bench --profile` for callgrind, so that process start,
// the codec's first-use setup and the warm-up are not counted. Run under
// `valgrind --tool=callgrind --instr-atstart=no`; without valgrind the macros do nothing.
#include "profiler_control.h"
#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define HAVE_CALLGRIND 1
#endif
#endif

void profiler_start(void) {
#ifdef HAVE_CALLGRIND
    CALLGRIND_ZERO_STATS;
    CALLGRIND_START_INSTRUMENTATION;
#endif
}

void profiler_stop(void) {
#ifdef HAVE_CALLGRIND
    CALLGRIND_STOP_INSTRUMENTATION;
#endif
}
