import Glibc

/// The monotonic clock: for how long something takes, never for what time it is.
public enum Stopwatch {
    /// Seconds since an arbitrary fixed point (`CLOCK_MONOTONIC`).
    public static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
