// A progress bar on stderr with rate and time left, drawn only when stderr is
// a terminal (nothing at all otherwise, so logs and pipes stay clean).
#pragma once

#include <chrono>
#include <string>

#include "core/progress.h"

namespace exemplar::cli {

class ProgressBar final : public ProgressObserver {
public:
    ProgressBar();
    ~ProgressBar() override;
    bool progress(std::string_view step, double done, double total) override;
    void finish();  // clears the line

private:
    bool enabled_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_draw_;
    std::string step_;
    bool drawn_ = false;
};

}  // namespace exemplar::cli
