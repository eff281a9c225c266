// Output of the command-line program: located messages on stderr, and the
// translation of exceptions into exit statuses (0 done, 1 refused, 2 usage).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace exemplar::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_refused = 1;
inline constexpr int exit_usage = 2;

// The first 100 diagnostics, then their total, on stderr.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics);
void print_error(const std::string& message);

// Runs a command; an exception becomes a message on stderr and its exit status.
int run_guarded(const std::function<int()>& command);

}  // namespace exemplar::cli
