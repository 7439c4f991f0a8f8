// A disk that stalls: loaded into a program with LD_PRELOAD, every fsync and fdatasync
// sleeps CALLBOARD_STALL_FSYNC_MS milliseconds before it goes through. When
// CALLBOARD_STALL_FSYNC_LOG names a file, each call appends one line to it: "main" when the
// process's first thread made it (the dashboard's loop), "lane" for any other thread.
// Built by the benchmark harness and the end-to-end tests with the system's C compiler:
//     cc -shared -fPIC -O2 -o libstallingdisk.so stalling-disk.c -ldl
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void stall(void) {
    const char *ms = getenv("CALLBOARD_STALL_FSYNC_MS");
    long delay = ms ? atol(ms) : 0;
    const char *log = getenv("CALLBOARD_STALL_FSYNC_LOG");
    if (log && *log) {
        int fd = open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
        if (fd >= 0) {
            const char *line = gettid() == getpid() ? "main\n" : "lane\n";
            ssize_t written = write(fd, line, strlen(line));
            (void)written;
            close(fd);
        }
    }
    if (delay > 0) {
        struct timespec wait = { delay / 1000, (delay % 1000) * 1000000L };
        while (nanosleep(&wait, &wait) != 0) {}
    }
}

int fsync(int fd) {
    static int (*real)(int);
    if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
    stall();
    return real(fd);
}

int fdatasync(int fd) {
    static int (*real)(int);
    if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
    stall();
    return real(fd);
}
