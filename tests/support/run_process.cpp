#include "support/run_process.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>

extern char** environ;

namespace exemplar::testing {

namespace {
void close_pipe(int fds[2]) {
    for (int i = 0; i < 2; ++i)
        if (fds[i] >= 0) close(fds[i]);
}
}  // namespace

ProcessResult run_process(const std::string& program, const std::vector<std::string>& arguments,
                          const std::map<std::string, std::string>& environment, const std::string& standard_input) {
    std::map<std::string, std::string> env;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry(*e);
        const auto eq = entry.find('=');
        if (eq != std::string::npos) env[entry.substr(0, eq)] = entry.substr(eq + 1);
    }
    for (const char* name : {"LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"}) env.erase(name);
    for (const auto& [name, value] : environment) env[name] = value;
    std::vector<std::string> env_strings;
    for (const auto& [name, value] : env) env_strings.push_back(name + "=" + value);
    std::vector<char*> envp;
    for (auto& s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);

    std::vector<std::string> args_storage{program};
    args_storage.insert(args_storage.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (auto& s : args_storage) argv.push_back(s.data());
    argv.push_back(nullptr);

    int in_pipe[2] = {-1, -1}, out_pipe[2] = {-1, -1}, err_pipe[2] = {-1, -1};
    if (pipe2(in_pipe, O_CLOEXEC) != 0 || pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0)
        throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    close(in_pipe[0]);
    in_pipe[0] = -1;
    close(out_pipe[1]);
    out_pipe[1] = -1;
    close(err_pipe[1]);
    err_pipe[1] = -1;
    if (spawned != 0) {
        close_pipe(in_pipe);
        close_pipe(out_pipe);
        close_pipe(err_pipe);
        throw std::runtime_error("cannot start " + program + ": " + std::strerror(spawned));
    }

    ProcessResult result;
    std::size_t written = 0;
    if (standard_input.empty()) {
        close(in_pipe[1]);
        in_pipe[1] = -1;
    } else {
        fcntl(in_pipe[1], F_SETFL, O_NONBLOCK);
    }
    char buffer[65536];
    while (out_pipe[0] >= 0 || err_pipe[0] >= 0) {
        pollfd fds[3];
        int count = 0;
        if (out_pipe[0] >= 0) fds[count++] = {out_pipe[0], POLLIN, 0};
        if (err_pipe[0] >= 0) fds[count++] = {err_pipe[0], POLLIN, 0};
        if (in_pipe[1] >= 0) fds[count++] = {in_pipe[1], POLLOUT, 0};
        if (poll(fds, static_cast<nfds_t>(count), -1) < 0) break;
        for (int i = 0; i < count; ++i) {
            if (fds[i].revents == 0) continue;
            if (fds[i].fd == in_pipe[1]) {
                const ssize_t n = write(in_pipe[1], standard_input.data() + written, standard_input.size() - written);
                if (n > 0) written += static_cast<std::size_t>(n);
                if (n < 0 || written == standard_input.size()) {
                    close(in_pipe[1]);
                    in_pipe[1] = -1;
                }
                continue;
            }
            const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
            int* fd = fds[i].fd == out_pipe[0] ? &out_pipe[0] : &err_pipe[0];
            if (n <= 0) {
                close(*fd);
                *fd = -1;
            } else {
                (fd == &out_pipe[0] ? result.out : result.err).append(buffer, static_cast<std::size_t>(n));
            }
        }
    }
    if (in_pipe[1] >= 0) close(in_pipe[1]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
    return result;
}

ProcessResult run_exemplar(const std::vector<std::string>& arguments, const std::string& language) {
    std::map<std::string, std::string> environment;
    environment["LANG"] = language == "zh" ? "zh_CN.UTF-8" : "C.UTF-8";
    return run_process(EXEMPLAR_BINARY, arguments, environment);
}

}  // namespace exemplar::testing
