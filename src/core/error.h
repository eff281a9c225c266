// The exception tree of Exemplar: everything the core throws derives from
// exemplar::Error (a std::runtime_error), and is caught at the edges (CLI main,
// GUI event loop) where it becomes readable, located text.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace exemplar {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The request was refused (exit status 1): an unknown or closed cycle, a
// database in use, … The message says why.
class Refused : public Error {
public:
    using Error::Error;
};

// The input was refused: each diagnostic says where and why (exit status 1).
class InputRefused : public Refused {
public:
    explicit InputRefused(std::vector<Diagnostic> diagnostics);
    explicit InputRefused(Diagnostic diagnostic);
    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

private:
    std::vector<Diagnostic> diagnostics_;
};

// The command was used wrongly (exit status 2).
class UsageError : public Error {
public:
    using Error::Error;
};

// The user asked to stop; not a failure to report as one.
class Cancelled : public Error {
public:
    Cancelled();
};

}  // namespace exemplar
