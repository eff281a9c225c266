#include "gui/sign_in_panel.h"

#include <algorithm>
#include <optional>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "core/access_codes.h"
#include "core/admin_password.h"
#include "core/cycle_store.h"
#include "core/name_order.h"
#include "gui/appearance.h"
#include "gui/compat.h"
#include "gui/dialogs.h"
#include "gui/text_list.h"

namespace exemplar::gui {

SignInPanel::SignInPanel(wxWindow* parent, Session& session, Navigator& navigator)
    : wxPanel(parent), session_(session), navigator_(navigator) {
    SetName("sign_in_page");
    const int gap = FromDIP(10);
    auto* outer = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Evaluation of the five exemplars — sign in"));
    title->SetFont(ui_font(2, true));
    outer->Add(title, 0, wxALL, 2 * gap);

    auto* form = new wxFlexGridSizer(2, gap, 2 * gap);
    form->AddGrowableCol(1);
    form->AddGrowableRow(2);
    form->Add(new wxStaticText(this, wxID_ANY, _("Evaluation cycle:")), 0, wxALIGN_CENTER_VERTICAL);
    cycles_ = new wxChoice(this, wxID_ANY);
    cycles_->SetName("cycle");
    form->Add(cycles_, 0, wxEXPAND);
    form->Add(new wxStaticText(this, wxID_ANY, _("Find yourself:")), 0, wxALIGN_CENTER_VERTICAL);
    search_ = new wxTextCtrl(this, wxID_ANY);
    search_->SetName("search");
    search_->SetHint(_("Name or staff number"));
    form->Add(search_, 0, wxEXPAND);
    form->Add(new wxStaticText(this, wxID_ANY, _("Your name:")), 0, wxALIGN_TOP);
    people_ = new TextList(this, "people", FromDIP(wxSize(-1, 260)));
    people_->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(120));
    people_->AppendColumn(_("ID"), wxLIST_FORMAT_LEFT, FromDIP(100));
    people_->AppendColumn(_("Department"), wxLIST_FORMAT_LEFT, FromDIP(320));
    form->Add(people_, 1, wxEXPAND);
    form->Add(new wxStaticText(this, wxID_ANY, _("Access code:")), 0, wxALIGN_CENTER_VERTICAL);
    code_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD | wxTE_PROCESS_ENTER);
    code_->SetName("access_code");
    code_->SetHint(_("The code on your slip, e.g. K7MQ-3WXP"));
    form->Add(code_, 0, wxEXPAND);
    outer->Add(form, 1, wxEXPAND | wxLEFT | wxRIGHT, 2 * gap);

    message_ = new wxStaticText(this, wxID_ANY, {});
    message_->SetName("message");
    message_->SetForegroundColour(wxColour(0xB0, 0x1C, 0x1C));
    outer->Add(message_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 2 * gap);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* sign_in_button = new wxButton(this, wxID_ANY, _("&Sign in"));
    sign_in_button->SetName("sign_in");
    sign_in_button->SetDefault();
    // HR screens (roster, cycles, imports, results, exports) behind the
    // administrator password; this increment shows the cycles' progress.
    auto* hr_button = new wxButton(this, wxID_ANY, _("&HR administration…"));
    hr_button->SetName("hr");
    buttons->Add(sign_in_button, 0, wxRIGHT, gap);
    buttons->AddStretchSpacer();
    buttons->Add(hr_button);
    outer->Add(buttons, 0, wxEXPAND | wxALL, 2 * gap);
    SetSizer(outer);

    cycles_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { load_cycle(); });
    search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { fill_people(); });
    people_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { code_->SetFocus(); });
    code_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { sign_in(); });
    sign_in_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { sign_in(); });
    hr_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { hr(); });

    // The cycles, newest open one chosen (list_cycles is oldest first).
    const auto cycles = list_cycles(*session_.db);
    int chosen = -1;
    for (const CycleSummary& cycle : cycles) {
        wxString label = to_wx(cycle.name);
        if (cycle.closed_at) label << " " << _("(closed)");
        cycles_->Append(label);
        cycle_names_.push_back(cycle.name);
        if (!cycle.closed_at) chosen = static_cast<int>(cycle_names_.size()) - 1;
    }
    if (session_.cycle) {
        const auto it = std::find(cycle_names_.begin(), cycle_names_.end(), session_.cycle->name);
        if (it != cycle_names_.end()) chosen = static_cast<int>(it - cycle_names_.begin());
    }
    if (chosen < 0 && !cycle_names_.empty()) chosen = static_cast<int>(cycle_names_.size()) - 1;
    if (chosen >= 0) {
        cycles_->SetSelection(chosen);
        load_cycle();
    } else {
        message_->SetLabel(_("There is no evaluation cycle yet: HR creates one first."));
    }
}

void SignInPanel::load_cycle() {
    const int index = cycles_->GetSelection();
    if (index < 0) return;
    if (!session_.cycle || session_.cycle->name != cycle_names_[static_cast<std::size_t>(index)])
        session_.cycle = exemplar::load_cycle(*session_.db, cycle_names_[static_cast<std::size_t>(index)]);
    const auto& members = session_.cycle->members;
    const NameOrder order;
    std::vector<std::pair<std::string, std::size_t>> keys;
    for (std::size_t i = 0; i < members.size(); ++i) keys.emplace_back(order.sort_key(members[i].name) + '\0' + members[i].code, i);
    std::sort(keys.begin(), keys.end());
    ordered_.clear();
    for (const auto& key : keys) ordered_.push_back(key.second);
    fill_people();
}

void SignInPanel::fill_people() {
    const wxString needle = search_->GetValue().Strip(wxString::both).Lower();
    shown_.clear();
    if (session_.cycle) {
        // Only a search converts names; the whole list is the sorted order as it is.
        for (const std::size_t i : ordered_) {
            const CycleMember& member = session_.cycle->members[i];
            if (!needle.empty() && !to_wx(member.name).Lower().Contains(needle) && !to_wx(member.code).Lower().Contains(needle))
                continue;
            shown_.push_back(i);
        }
    }
    people_->show(shown_.size(), [this](std::size_t row, int column) {
        const CycleMember& member = session_.cycle->members[shown_[row]];
        switch (column) {
            case 0: return to_wx(member.name);
            case 1: return to_wx(member.code);
            default: return to_wx(member.department);
        }
    });
    if (shown_.size() == 1) people_->select_row(0);
}

bool SignInPanel::select_code(const std::string& code) {
    for (std::size_t row = 0; row < shown_.size(); ++row)
        if (session_.cycle->members[shown_[row]].code == code) {
            people_->select_row(row);
            return true;
        }
    return false;
}

void SignInPanel::sign_in() {
    const std::optional<std::size_t> row = people_->selected_row();
    if (!session_.cycle || !row || *row >= shown_.size()) {
        message_->SetLabel(_("Choose your name in the list first."));
        people_->SetFocus();
        return;
    }
    const std::size_t member = shown_[*row];
    if (!check_access_code(*session_.db, *session_.cycle, member, from_wx(code_->GetValue()))) {
        message_->SetLabel(_("That access code is not right for this name. Check the slip HR gave you."));
        code_->Clear();
        code_->SetFocus();
        return;
    }
    session_.member = member;
    session_.role = session_.cycle->members[member].is_head ? Role::head : Role::staff;
    navigator_.show_tasks();
}

void SignInPanel::hr() {
    Database& db = *session_.db;
    const bool allowed = has_admin_password(db) ? ShowAdminSignInDialog(this, db) : ShowSetAdminPasswordDialog(this, db);
    if (!allowed) return;
    session_.role = Role::hr;
    session_.member.reset();
    navigator_.show_hr();
}

}  // namespace exemplar::gui
