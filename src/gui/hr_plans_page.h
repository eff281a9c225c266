// The HR "Plans and forms" tab: the bundled plans and forms (and any file
// opened), each checked when chosen — a form shown as the questionnaire
// people will see, a plan with its forms and weights — or its located
// problems (FILE:LINE:COLUMN) when it does not validate.
// Window names for tests: "plan_files", "open_plan_file", "plan_text".
#pragma once

#include <filesystem>
#include <vector>

#include <wx/panel.h>

class wxListBox;
class wxTextCtrl;

namespace exemplar::gui {

class HrPlansPage : public wxPanel {
public:
    explicit HrPlansPage(wxWindow* parent);

    // Shows the first bundled file when nothing is shown yet (the tab first looked at).
    void activate();
    // Checks and shows one file (a form or a plan); true when it is valid.
    bool show_file(const std::filesystem::path& path);
    wxString shown_text() const;

private:
    void choose_file();

    std::vector<std::filesystem::path> files_;
    wxListBox* list_ = nullptr;
    wxTextCtrl* text_ = nullptr;
};

}  // namespace exemplar::gui
