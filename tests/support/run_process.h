// Runs a program as a user would (no shell), with chosen environment
// variables, and collects its exit status, stdout and stderr.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace exemplar::testing {

struct ProcessResult {
    int exit_code = -1;  // -1 when killed by a signal
    int signal = 0;
    std::string out;
    std::string err;
};

// `environment` entries are added to (or replace in) the current environment;
// LANG/LC_ALL/LC_MESSAGES are cleared unless given, so tests choose the language.
ProcessResult run_process(const std::string& program, const std::vector<std::string>& arguments,
                          const std::map<std::string, std::string>& environment = {},
                          const std::string& standard_input = {});

// The `exemplar` program of this build, in English unless `language` says "zh".
ProcessResult run_exemplar(const std::vector<std::string>& arguments, const std::string& language = "en");

}  // namespace exemplar::testing
