// Preloaded into Vouch under valgrind 3.19 (Debian 12) by click_profile.sh. Swift's async main parks the main thread
// in libdispatch's sigsuspend with a mask kept in read-only memory; valgrind edits that mask in place and crashes.
// Handing it a copy on the stack changes nothing else.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>

int sigsuspend(const sigset_t *mask) {
    static int (*next)(const sigset_t *);
    if (!next) next = (int (*)(const sigset_t *))dlsym(RTLD_NEXT, "sigsuspend");
    sigset_t copy = *mask;
    return next(&copy);
}
