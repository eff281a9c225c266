// The first page at the shared office computer: choose the cycle, find
// yourself (names 按姓氏笔画, search by name or 工号), enter your access code.
// The "HR" button leads to the administrator password (set on first start).
// Window names for tests: "cycle", "search", "people", "access_code",
// "sign_in", "hr", "message".
#pragma once

#include <string>
#include <vector>

#include <wx/panel.h>

#include "gui/navigator.h"
#include "gui/session.h"

class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace exemplar::gui {

class TextList;

class SignInPanel : public wxPanel {
public:
    SignInPanel(wxWindow* parent, Session& session, Navigator& navigator);

    // Selects the member with that 工号 in the list (false when not listed).
    bool select_code(const std::string& code);
    void sign_in();
    void hr();

private:
    void load_cycle();
    void fill_people();

    Session& session_;
    Navigator& navigator_;
    std::vector<std::string> cycle_names_;
    std::vector<std::size_t> ordered_;  // members 按姓氏笔画
    std::vector<std::size_t> shown_;    // the listed members (after the search)
    wxChoice* cycles_ = nullptr;
    wxTextCtrl* search_ = nullptr;
    TextList* people_ = nullptr;
    wxTextCtrl* code_ = nullptr;
    wxStaticText* message_ = nullptr;
};

}  // namespace exemplar::gui
