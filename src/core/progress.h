// How long work tells its caller how far it has come (the CLI draws a bar on
// stderr, the GUI a dialog, tests record). A caller cancels by returning false.
#pragma once

#include <string_view>

namespace exemplar {

class ProgressObserver {
public:
    virtual ~ProgressObserver() = default;
    // `done` of `total` units of the named step; false asks the work to stop
    // (it then throws Cancelled and leaves nothing half-written).
    virtual bool progress(std::string_view step, double done, double total) = 0;
};

// Reports through a possibly-null observer and throws Cancelled when asked to stop.
void report_progress(ProgressObserver* observer, std::string_view step, double done, double total);

}  // namespace exemplar
