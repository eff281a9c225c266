// The HR "Roster" tab: everyone in the roster by department, then name
// 按姓氏笔画; importing a roster file (CSV/xlsx) after a preview that lists
// what would change and every located problem (FILE:ROW:COLUMN) — the
// Import button is enabled only when there are none; adding, editing and
// deactivating a person (core/roster_edit.h).
// Window names for tests: "roster", "import_roster", "add_person",
// "edit_person", "deactivate_person", "roster_status"; in the preview dialog
// "preview_summary", "preview_rows", "preview_problems", "import"; in the
// person dialog "person_code", "person_name", "person_department",
// "person_position", "person_head", "person_active".
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include <wx/panel.h>

#include "core/roster.h"
#include "gui/session.h"

class wxButton;
class wxStaticText;

namespace exemplar::gui {

class TextList;

class HrRosterPage : public wxPanel {
public:
    HrRosterPage(wxWindow* parent, Session& session);

    void refresh();
    // The people as listed (row order).
    const std::vector<Person>& people() const { return people_; }
    std::optional<std::size_t> selected() const;
    void select(std::size_t row);

    // The button handlers (tests call them; each asks what it needs in dialogs).
    void choose_and_import();                           // a file dialog, then import_file
    bool import_file(const std::filesystem::path& path);  // the preview dialog; true when imported
    bool add();
    bool edit(std::size_t row);
    bool deactivate(std::size_t row);                   // asks for confirmation

private:
    void update_buttons();

    Session& session_;
    std::vector<Person> people_;
    TextList* list_ = nullptr;
    wxButton* edit_button_ = nullptr;
    wxButton* deactivate_button_ = nullptr;
    wxStaticText* status_ = nullptr;
};

}  // namespace exemplar::gui
