// How a page asks the main frame to move on. The frame switches pages after
// the current event has been handled (a page never destroys itself).
#pragma once

#include "core/answer_sheet.h"

namespace exemplar::gui {

class Navigator {
public:
    virtual ~Navigator() = default;
    virtual void show_sign_in() = 0;
    virtual void show_tasks() = 0;
    virtual void open_task(const Task& task) = 0;  // a peer task opens the whole ballot
    virtual void show_hr() = 0;
    virtual void sign_out() = 0;
};

}  // namespace exemplar::gui
