#include "core/progress.h"

#include "core/error.h"

namespace exemplar {

void report_progress(ProgressObserver* observer, std::string_view step, double done, double total) {
    if (observer != nullptr && !observer->progress(step, done, total)) throw Cancelled();
}

}  // namespace exemplar
