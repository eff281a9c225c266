#include "cli/progress_bar.h"

#include <unistd.h>

#include <cstdio>

#include <fmt/format.h>

#include "core/translate.h"

namespace exemplar::cli {

ProgressBar::ProgressBar() : enabled_(isatty(STDERR_FILENO) != 0), start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() { finish(); }

bool ProgressBar::progress(std::string_view step, double done, double total) {
    if (!enabled_ || total <= 0) return true;
    const auto now = std::chrono::steady_clock::now();
    if (step != step_) {
        step_ = std::string(step);
        start_ = now;
    } else if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) {
        return true;
    }
    last_draw_ = now;
    const double fraction = std::min(1.0, std::max(0.0, done / total));
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const int width = 30;
    const int filled = static_cast<int>(fraction * width);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.append(static_cast<std::size_t>(width - filled), '-');
    std::string rate;
    std::string left;
    if (seconds > 0.2 && fraction > 0) {
        rate = total == 1.0 ? fmt::format("{:.0f}%/s", fraction * 100 / seconds) : fmt::format("{:.0f}/s", done / seconds);
        left = tr({"剩余 {0:.0f} 秒", "{0:.0f} s left"}, seconds / fraction - seconds);
    }
    std::fprintf(stderr, "\r%s [%s] %3.0f%% %s %s\x1b[K", step_.c_str(), bar.c_str(), fraction * 100, rate.c_str(), left.c_str());
    std::fflush(stderr);
    drawn_ = true;
    return true;
}

void ProgressBar::finish() {
    if (enabled_ && drawn_) {
        std::fputs("\r\x1b[K", stderr);
        std::fflush(stderr);
    }
    drawn_ = false;
}

}  // namespace exemplar::cli
