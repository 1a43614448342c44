import Glibc

/// The dirty flag: the one thing protocol asks git, because comparing the index with the work tree would mean
/// reimplementing git.
extension GitState {
    /// Seconds `git status` may take before protocol gives up on the dirty flag.
    public static let dirtyCheckTimeLimit = 5.0

    /// Variables that point git at another repository than the one found from the folder (git hooks set some of
    /// them): git runs without them, so that it looks where protocol looked.
    static let repositoryVariables = [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM",
    ]

    /// The first executable file called `name` in the folders of `searchPath` (a `PATH` value). Empty and relative
    /// entries are skipped: a project must not be able to put its own `git` first.
    static func executable(named name: String, searchPath: String?) -> String? {
        for folder in (searchPath ?? "").split(separator: ":") where folder.hasPrefix("/") {
            let path = String(folder.hasSuffix("/") ? folder + name : folder + "/" + name)
            if FileSystem.kind(of: path) == .file, access(path, X_OK) == 0 { return path }
        }
        return nil
    }

    /// Whether `git status --porcelain --untracked-files=no` in `root` lists anything; nil when git cannot be
    /// started, fails, or takes longer than `timeLimit` seconds (it is then killed).
    ///
    /// `--no-optional-locks` keeps git from rewriting the index: protocol observes the work tree, never changes it.
    static func isDirty(root: String, git: String, timeLimit: Double) -> Bool? {
        let arguments = [git, "--no-optional-locks", "-C", root, "status", "--porcelain", "--untracked-files=no"]
        let deadline = monotonicSeconds() + timeLimit
        guard let child = ChildProcess(arguments: arguments, environment: gitEnvironment(processEnvironment()))
        else { return nil }
        let outputBytes = child.drainOutput(until: deadline)
        guard let status = child.exitStatus(until: deadline), let outputBytes else { return nil }
        return status == 0 ? outputBytes > 0 : nil
    }

    /// `entries` (`NAME=value`) without the ``repositoryVariables``.
    static func gitEnvironment(_ entries: [String]) -> [String] {
        entries.filter { entry in !repositoryVariables.contains { entry.hasPrefix($0 + "=") } }
    }

    /// This process's environment as `NAME=value` entries.
    private static func processEnvironment() -> [String] {
        var entries: [String] = []
        var entry = environ
        while let pointer = entry.pointee {
            entries.append(String(cString: pointer))
            entry += 1
        }
        return entries
    }
}

/// A program started with `posix_spawn` (no shell), its standard output read from a pipe, its standard input and
/// error on `/dev/null`.
private struct ChildProcess {
    let id: pid_t
    /// The read end of the pipe on the child's standard output.
    let output: Int32

    /// Starts `arguments[0]` (an absolute path) with `arguments` and `environment` (`NAME=value`).
    init?(arguments: [String], environment: [String]) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        // Close-on-exec, so that no other child inherits the pipe (Glibc's Swift module has no `pipe2`).
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, ends[1], STDOUT_FILENO)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        var child = pid_t()
        let spawned = withCStrings(arguments) { argv in
            withCStrings(environment) { envp in posix_spawn(&child, arguments[0], &actions, nil, argv, envp) }
        }
        close(ends[1])
        guard spawned == 0 else {
            close(ends[0])
            return nil
        }
        id = child
        output = ends[0]
    }

    /// Reads the child's output to its end, keeping only the count of bytes; nil when `deadline` passes first or
    /// reading fails. Closes the pipe.
    func drainOutput(until deadline: Double) -> Int? {
        defer { close(output) }
        var total = 0
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let remaining = deadline - monotonicSeconds()
            guard remaining > 0 else { return nil }
            var entry = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, Int32(min(remaining * 1000 + 1, 60_000)))
            if ready < 0, errno != EINTR { return nil }
            guard ready > 0 else { continue }
            let count = read(output, &chunk, chunk.count)
            if count == 0 { return total }
            if count > 0 {
                total += count
            } else if errno != EINTR {
                return nil
            }
        }
    }

    /// The raw wait status once the child has ended; nil when `deadline` passes first (the child is then killed and
    /// reaped) or waiting fails.
    func exitStatus(until deadline: Double) -> Int32? {
        var status: Int32 = 0
        while true {
            let result = waitpid(id, &status, WNOHANG)
            if result == id { return status }
            if result < 0, errno != EINTR { return nil }
            if monotonicSeconds() >= deadline {
                kill(id, SIGKILL)
                while waitpid(id, &status, 0) < 0, errno == EINTR {}
                return nil
            }
            usleep(2_000)
        }
    }
}

/// Runs `body` with `strings` as a null-terminated array of C strings (argv, envp).
private func withCStrings<Result>(
    _ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> Result
) -> Result {
    let pointers = strings.map { strdup($0) } + [nil]
    defer {
        for pointer in pointers { free(pointer) }
    }
    return body(pointers)
}

/// Seconds on the monotonic clock (not affected by changes of the wall clock).
private func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}
