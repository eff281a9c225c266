#include "gui/hr_roster_page.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/combobox.h>
#include <wx/dialog.h>
#include <wx/filedlg.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include "core/error.h"
#include "core/name_order.h"
#include "core/roster_edit.h"
#include "core/roster_import.h"
#include "core/table_reader.h"
#include "gui/appearance.h"
#include "gui/compat.h"
#include "gui/error_dialog.h"
#include "gui/text_list.h"

namespace exemplar::gui {
namespace {

wxString yes_no(bool yes) { return yes ? _("Yes") : _("No"); }
wxString active_text(bool active) { return active ? _("Active") : _("Left"); }

wxString action_text(RosterAction action) {
    switch (action) {
    case RosterAction::add: return _("Add");
    case RosterAction::update: return _("Update");
    case RosterAction::unchanged: return _("Unchanged");
    }
    return {};
}

// What importing the file would do, and why it cannot when it cannot.
class RosterPreviewDialog : public wxDialog {
public:
    RosterPreviewDialog(wxWindow* parent, const Database& db, const std::filesystem::path& path)
        : wxDialog(parent, wxID_ANY, wxString::Format(_("Import roster — %s"), to_wx(path.filename().string())), wxDefaultPosition,
                   wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
        SetFont(ui_font());
        try {
            const auto table = open_table(path);
            preview_ = preview_roster(db, *table);
        } catch (const InputRefused& refused) {
            preview_.problems = refused.diagnostics();  // a file that cannot be read at all
        }
        const int gap = FromDIP(10);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        int added = 0, updated = 0, unchanged = 0;
        for (const RosterPreviewRow& row : preview_.rows)
            (row.action == RosterAction::add ? added : row.action == RosterAction::update ? updated : unchanged) += 1;
        const wxString summary =
            preview_.importable()
                ? wxString::Format(_("%zu rows: %d to add, %d to update, %d unchanged. People not in the file stay as they are."),
                                   preview_.rows.size(), added, updated, unchanged)
                : wxString::Format(_("%zu problems: nothing can be imported. Fix the file, then import it again."),
                                   preview_.problems.size());
        auto* label = new wxStaticText(this, wxID_ANY, summary);
        label->SetName("preview_summary");
        label->SetFont(ui_font(0, true));
        if (!preview_.importable()) label->SetForegroundColour(wxColour(0xB0, 0x1C, 0x1C));
        sizer->Add(label, 0, wxALL, gap);

        auto* rows = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(880, 260)), wxLC_REPORT | wxLC_SINGLE_SEL);
        rows->SetName("preview_rows");
        rows->AppendColumn(_("Row"), wxLIST_FORMAT_RIGHT, FromDIP(50));
        rows->AppendColumn(_("Change"), wxLIST_FORMAT_LEFT, FromDIP(90));
        rows->AppendColumn(_("ID"), wxLIST_FORMAT_LEFT, FromDIP(80));
        rows->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(100));
        rows->AppendColumn(_("Department"), wxLIST_FORMAT_LEFT, FromDIP(250));
        rows->AppendColumn(_("Position"), wxLIST_FORMAT_LEFT, FromDIP(100));
        rows->AppendColumn(_("Head"), wxLIST_FORMAT_LEFT, FromDIP(70));
        rows->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(70));
        for (const RosterPreviewRow& row : preview_.rows) {
            const long at = rows->GetItemCount();
            rows->InsertItem(at, wxString::Format("%zu", row.row));
            rows->SetItem(at, 1, action_text(row.action));
            rows->SetItem(at, 2, to_wx(row.person.code));
            rows->SetItem(at, 3, to_wx(row.person.name));
            rows->SetItem(at, 4, to_wx(row.person.department));
            rows->SetItem(at, 5, to_wx(row.person.position));
            rows->SetItem(at, 6, yes_no(row.person.is_head));
            rows->SetItem(at, 7, active_text(row.person.active));
            if (row.action == RosterAction::unchanged) rows->SetItemTextColour(at, wxColour(0x70, 0x70, 0x70));
        }
        sizer->Add(rows, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);

        auto* problems_label = new wxStaticText(this, wxID_ANY, _("Problems (file:row:column)"));
        problems_label->SetFont(ui_font(0, true));
        sizer->Add(problems_label, 0, wxLEFT | wxRIGHT | wxTOP, gap);
        auto* problems = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(880, 140)), wxLC_REPORT | wxLC_SINGLE_SEL);
        problems->SetName("preview_problems");
        problems->AppendColumn(_("Where"), wxLIST_FORMAT_LEFT, FromDIP(200));
        problems->AppendColumn(_("Problem"), wxLIST_FORMAT_LEFT, FromDIP(660));
        for (const Diagnostic& problem : preview_.problems) {
            Diagnostic located = problem;  // FILE:ROW:COLUMN with the file's name only
            if (located.file == path.string()) located.file = path.filename().string();
            located.message.clear();
            std::string where = located.to_string();
            while (!where.empty() && (where.back() == ' ' || where.back() == ':')) where.pop_back();
            const long at = problems->GetItemCount();
            problems->InsertItem(at, to_wx(where));
            problems->SetItem(at, 1, to_wx(problem.message));
            problems->SetItemTextColour(at, wxColour(0xB0, 0x1C, 0x1C));
        }
        sizer->Add(problems, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap / 2);

        auto* buttons = new wxBoxSizer(wxHORIZONTAL);
        buttons->AddStretchSpacer();
        auto* import_button = new wxButton(this, wxID_OK, _("&Import"));
        import_button->SetName("import");
        import_button->Enable(preview_.importable() && !preview_.rows.empty());
        buttons->Add(import_button);
        buttons->Add(new wxButton(this, wxID_CANCEL, _("Cancel")), 0, wxLEFT, gap);
        sizer->Add(buttons, 0, wxEXPAND | wxALL, gap);
        SetSizerAndFit(sizer);
        if (import_button->IsEnabled()) import_button->SetDefault();
    }
    bool importable() const { return preview_.importable() && !preview_.rows.empty(); }

private:
    RosterPreview preview_;
};

// A person's fields, for adding or editing.
class PersonDialog : public wxDialog {
public:
    PersonDialog(wxWindow* parent, const wxString& title, const Person& person, const std::vector<std::string>& departments)
        : wxDialog(parent, wxID_ANY, title), person_(person) {
        SetFont(ui_font());
        const int gap = FromDIP(10);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        auto* grid = new wxFlexGridSizer(2, gap, gap);
        grid->AddGrowableCol(1);
        const auto field = [&](const wxString& label, const char* name, const std::string& value) {
            grid->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
            auto* text = new wxTextCtrl(this, wxID_ANY, to_wx(value), wxDefaultPosition, FromDIP(wxSize(320, -1)));
            text->SetName(name);
            grid->Add(text, 1, wxEXPAND);
            return text;
        };
        code_ = field(_("ID:"), "person_code", person.code);
        name_ = field(_("Name:"), "person_name", person.name);
        grid->Add(new wxStaticText(this, wxID_ANY, _("Department:")), 0, wxALIGN_CENTER_VERTICAL);
        wxArrayString choices;
        for (const std::string& department : departments) choices.Add(to_wx(department));
        department_ = new wxComboBox(this, wxID_ANY, to_wx(person.department), wxDefaultPosition, wxDefaultSize, choices);
        department_->SetName("person_department");
        grid->Add(department_, 1, wxEXPAND);
        position_ = field(_("Position:"), "person_position", person.position);
        grid->AddSpacer(0);
        head_ = new wxCheckBox(this, wxID_ANY, _("Head of the department"));
        head_->SetName("person_head");
        head_->SetValue(person.is_head);
        grid->Add(head_);
        grid->AddSpacer(0);
        active_ = new wxCheckBox(this, wxID_ANY, _("Active (in post)"));
        active_->SetName("person_active");
        active_->SetValue(person.active);
        grid->Add(active_);
        sizer->Add(grid, 0, wxEXPAND | wxALL, gap + gap / 2);
        auto* hint = new wxStaticText(this, wxID_ANY, _("Nested departments are written with “/”, e.g. 行署办公室/秘书科."));
        hint->SetForegroundColour(wxColour(0x60, 0x60, 0x60));
        sizer->Add(hint, 0, wxLEFT | wxRIGHT, gap + gap / 2);
        sizer->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, gap);
        SetSizerAndFit(sizer);
        (person.code.empty() ? code_ : name_)->SetFocus();
    }
    Person person() const {
        Person p = person_;
        p.code = from_wx(code_->GetValue());
        p.name = from_wx(name_->GetValue());
        p.department = from_wx(department_->GetValue());
        p.position = from_wx(position_->GetValue());
        p.is_head = head_->GetValue();
        p.active = active_->GetValue();
        return p;
    }

private:
    Person person_;
    wxTextCtrl* code_ = nullptr;
    wxTextCtrl* name_ = nullptr;
    wxComboBox* department_ = nullptr;
    wxTextCtrl* position_ = nullptr;
    wxCheckBox* head_ = nullptr;
    wxCheckBox* active_ = nullptr;
};

}  // namespace

HrRosterPage::HrRosterPage(wxWindow* parent, Session& session) : wxPanel(parent), session_(session) {
    SetName("roster_page");
    const int gap = FromDIP(8);
    auto* outer = new wxBoxSizer(wxVERTICAL);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* import_button = new wxButton(this, wxID_ANY, _("&Import roster file…"));
    import_button->SetName("import_roster");
    auto* add_button = new wxButton(this, wxID_ANY, _("&Add person…"));
    add_button->SetName("add_person");
    edit_button_ = new wxButton(this, wxID_ANY, _("&Edit…"));
    edit_button_->SetName("edit_person");
    deactivate_button_ = new wxButton(this, wxID_ANY, _("&Deactivate…"));
    deactivate_button_->SetName("deactivate_person");
    buttons->Add(import_button);
    buttons->Add(add_button, 0, wxLEFT, gap);
    buttons->Add(edit_button_, 0, wxLEFT, gap);
    buttons->Add(deactivate_button_, 0, wxLEFT, gap);
    status_ = new wxStaticText(this, wxID_ANY, {});
    status_->SetName("roster_status");
    status_->SetForegroundColour(wxColour(0x1B, 0x5E, 0x20));
    buttons->Add(status_, 1, wxLEFT | wxALIGN_CENTER_VERTICAL, 2 * gap);
    outer->Add(buttons, 0, wxEXPAND | wxALL, gap);

    list_ = new TextList(this, "roster");
    list_->AppendColumn(_("Department"), wxLIST_FORMAT_LEFT, FromDIP(280));
    list_->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(120));
    list_->AppendColumn(_("ID"), wxLIST_FORMAT_LEFT, FromDIP(100));
    list_->AppendColumn(_("Position"), wxLIST_FORMAT_LEFT, FromDIP(140));
    list_->AppendColumn(_("Head"), wxLIST_FORMAT_LEFT, FromDIP(80));
    list_->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(80));
    outer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    SetSizer(outer);

    import_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { choose_and_import(); });
    add_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add(); });
    edit_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (const auto row = selected()) edit(*row);
    });
    deactivate_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (const auto row = selected()) deactivate(*row);
    });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& event) { edit(static_cast<std::size_t>(event.GetIndex())); });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { update_buttons(); });
    list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { update_buttons(); });
    refresh();
}

void HrRosterPage::refresh() {
    const std::optional<std::size_t> row = selected();
    const std::int64_t keep = row ? people_[*row].id : 0;
    people_ = load_people(*session_.db);
    {
        // Sort keys made once per person: comparing with the collator 10,000 × log n times is slow.
        const NameOrder order;
        struct Keyed {
            std::string department, name;
            Person person;
        };
        std::vector<Keyed> keyed;
        keyed.reserve(people_.size());
        for (Person& person : people_) {
            std::string department = order.sort_key(person.department) + '\0' + person.department;
            std::string name = order.sort_key(person.name);
            keyed.push_back({std::move(department), std::move(name), std::move(person)});
        }
        // Ties keep the 工号 order of load_people.
        std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
            if (a.department != b.department) return a.department < b.department;
            return a.name < b.name;
        });
        for (std::size_t i = 0; i < keyed.size(); ++i) people_[i] = std::move(keyed[i].person);
    }
    list_->show(
        people_.size(),
        [this](std::size_t at, int column) {
            const Person& person = people_[at];
            switch (column) {
                case 0: return to_wx(person.department);
                case 1: return to_wx(person.name);
                case 2: return to_wx(person.code);
                case 3: return to_wx(person.position);
                case 4: return person.is_head ? _("Head") : wxString();
                default: return active_text(person.active);
            }
        },
        [this](std::size_t at) -> std::optional<wxColour> {
            if (!people_[at].active) return wxColour(0x90, 0x90, 0x90);
            return std::nullopt;
        });
    for (std::size_t i = 0; i < people_.size(); ++i)
        if (keep != 0 && people_[i].id == keep) select(i);
    update_buttons();
}

std::optional<std::size_t> HrRosterPage::selected() const {
    const std::optional<std::size_t> row = list_->selected_row();
    if (!row || *row >= people_.size()) return std::nullopt;
    return row;
}

void HrRosterPage::select(std::size_t row) {
    if (row >= people_.size()) return;
    list_->select_row(row);
    update_buttons();
}

void HrRosterPage::update_buttons() {
    const auto row = selected();
    edit_button_->Enable(row.has_value());
    deactivate_button_->Enable(row && people_[*row].active);
}

void HrRosterPage::choose_and_import() {
    wxFileDialog dialog(this, _("Import a roster file"), {}, {}, _("Roster files (*.csv;*.xlsx)|*.csv;*.xlsx|All files|*"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) return;
    import_file(std::filesystem::path(from_wx(dialog.GetPath())));
}

bool HrRosterPage::import_file(const std::filesystem::path& path) {
    RosterPreviewDialog preview(this, *session_.db, path);
    if (preview.ShowModal() != wxID_OK || !preview.importable()) return false;
    wxBusyCursor busy;
    const auto table = open_table(path);  // read again: the import checks everything once more
    const RosterChanges changes = import_roster(*session_.db, *table);
    refresh();
    status_->SetLabel(wxString::Format(_("Imported %s: %d added, %d updated, %d unchanged."), to_wx(path.filename().string()),
                                       changes.added, changes.updated, changes.unchanged));
    return true;
}

bool HrRosterPage::add() {
    PersonDialog dialog(this, _("Add a person"), Person{}, load_departments(*session_.db));
    while (dialog.ShowModal() == wxID_OK) {
        try {
            const Person added = add_person(*session_.db, dialog.person());
            refresh();
            for (std::size_t i = 0; i < people_.size(); ++i)
                if (people_[i].id == added.id) select(i);
            status_->SetLabel(wxString::Format(_("Added %s (%s)."), to_wx(added.name), to_wx(added.code)));
            return true;
        } catch (...) {
            show_error(this, std::current_exception());
        }
    }
    return false;
}

bool HrRosterPage::edit(std::size_t row) {
    if (row >= people_.size()) return false;
    PersonDialog dialog(this, wxString::Format(_("Edit %s"), to_wx(people_[row].name)), people_[row], load_departments(*session_.db));
    while (dialog.ShowModal() == wxID_OK) {
        try {
            const Person saved = update_person(*session_.db, dialog.person());
            refresh();
            status_->SetLabel(wxString::Format(_("Saved %s (%s)."), to_wx(saved.name), to_wx(saved.code)));
            return true;
        } catch (...) {
            show_error(this, std::current_exception());
        }
    }
    return false;
}

bool HrRosterPage::deactivate(std::size_t row) {
    if (row >= people_.size() || !people_[row].active) return false;
    const Person person = people_[row];
    wxMessageDialog confirm(this, wxString::Format(_("Mark %s (%s) as having left?"), to_wx(person.name), to_wx(person.code)),
                            _("Deactivate"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
    confirm.SetExtendedMessage(_("They stay in the roster and in the cycles already created, but new cycles leave them out."));
    if (confirm.ShowModal() != wxID_YES) return false;
    deactivate_person(*session_.db, person.id);
    refresh();
    status_->SetLabel(wxString::Format(_("%s is marked as having left."), to_wx(person.name)));
    return true;
}

}  // namespace exemplar::gui
