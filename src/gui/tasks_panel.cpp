#include "gui/tasks_panel.h"

#include <map>

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "core/cycle_report.h"
#include "core/cycle_store.h"
#include "core/results_table.h"
#include "gui/appearance.h"
#include "gui/compat.h"
#include "gui/person_page.h"

namespace exemplar::gui {

wxString status_text(AssignmentStatus status, bool locked) {
    if (locked || status == AssignmentStatus::submitted) return locked ? _("Submitted") : _("Complete, not submitted");
    return status == AssignmentStatus::draft ? _("Draft") : _("Not started");
}

namespace {

wxString percent(std::size_t done, std::size_t total) {
    return total == 0 ? wxString("—") : wxString::Format("%zu / %zu  (%d%%)", done, total, static_cast<int>(100.0 * static_cast<double>(done) / static_cast<double>(total) + 0.5));
}

}  // namespace

TasksPanel::TasksPanel(wxWindow* parent, Session& session, Navigator& navigator)
    : wxPanel(parent), session_(session), navigator_(navigator) {
    SetName("tasks_page");
    const Cycle& cycle = *session_.cycle;
    const CycleMember& me = cycle.members.at(*session_.member);
    const int gap = FromDIP(10);
    auto* outer = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, wxString::Format(_("%s — my tasks in %s"), to_wx(me.name), to_wx(cycle.name)));
    title->SetFont(ui_font(2, true));
    outer->Add(title, 0, wxALL, 2 * gap);
    if (cycle.closed())
        outer->Add(new wxStaticText(this, wxID_ANY, _("This cycle is closed: every task is read-only.")), 0, wxLEFT | wxBOTTOM, 2 * gap);

    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->SetName("tasks");
    list_->AppendColumn(_("Task"), wxLIST_FORMAT_LEFT, FromDIP(380));
    list_->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(200));
    list_->AppendColumn(_("Answered"), wxLIST_FORMAT_LEFT, FromDIP(220));

    std::size_t peers = 0, peers_answered = 0, peers_items = 0;
    bool peers_locked = true, peers_started = false;
    for (const Task& task : tasks_of(*session_.db, cycle, *session_.member)) {
        if (task.relation == Relation::peer) {
            if (peers++ == 0) rows_.push_back(task);
            peers_locked = peers_locked && task.locked;
            peers_started = peers_started || task.answered > 0;
            peers_answered += task.answered;
            peers_items += task.items;
            continue;
        }
        rows_.push_back(task);
        const long row = list_->GetItemCount();
        const wxString what = task.relation == Relation::self
                                  ? _("Self-review")
                                  : wxString::Format(_("Evaluation of %s"), to_wx(cycle.members[task.ratee].name));
        list_->InsertItem(row, what);
        list_->SetItem(row, 1, status_text(task.status, task.locked));
        list_->SetItem(row, 2, percent(task.answered, task.items));
    }
    if (peers > 0) {
        const long row = list_->GetItemCount();
        list_->InsertItem(row, wxString::Format(_("Peer ballot (%zu colleagues)"), peers));
        list_->SetItem(row, 1, peers_locked ? _("Submitted") : peers_started ? _("Draft") : _("Not started"));
        list_->SetItem(row, 2, percent(peers_answered, peers_items));
    }
    if (!rows_.empty()) list_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    outer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, 2 * gap);

    if (session_.role == Role::head) {
        add_department_list(outer);
        if (cycle.closed()) add_department_results(outer);
    }

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* open_button = new wxButton(this, wxID_ANY, _("&Open"));
    open_button->SetName("open");
    open_button->SetDefault();
    auto* out_button = new wxButton(this, wxID_ANY, _("Sign &out"));
    out_button->SetName("sign_out");
    buttons->Add(open_button);
    buttons->AddStretchSpacer();
    buttons->Add(out_button);
    outer->Add(buttons, 0, wxEXPAND | wxALL, 2 * gap);
    SetSizer(outer);

    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& event) { open(static_cast<std::size_t>(event.GetIndex())); });
    open_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
        if (row >= 0) open(static_cast<std::size_t>(row));
    });
    out_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { navigator_.sign_out(); });
    list_->SetFocus();
}

void TasksPanel::open(std::size_t row) {
    if (row < rows_.size()) navigator_.open_task(rows_[row]);
}

// The head's department (and its sub-departments): per person, how many of
// their tasks are submitted. Counts only, never answers.
void TasksPanel::add_department_list(wxSizer* sizer) {
    const Cycle& cycle = *session_.cycle;
    const std::string& department = cycle.members[*session_.member].department;
    const auto inside = [&](const std::string& path) { return path == department || path.starts_with(department + "/"); };
    std::map<std::size_t, std::pair<std::size_t, std::size_t>> counts;  // member → (submitted, tasks)
    for (const StoredAssignment& a : load_assignments(*session_.db, cycle).assignments) {
        if (!inside(cycle.members[a.rater].department)) continue;
        auto& count = counts[a.rater];
        count.second += 1;
        count.first += a.status == AssignmentStatus::submitted ? 1 : 0;
    }
    const int gap = FromDIP(10);
    auto* heading = new wxStaticText(this, wxID_ANY, wxString::Format(_("Completion in %s"), to_wx(department)));
    heading->SetFont(ui_font(1, true));
    sizer->Add(heading, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
    auto* list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 200)), wxLC_REPORT | wxLC_SINGLE_SEL);
    list->SetName("department");
    list->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(200));
    list->AppendColumn(_("Department"), wxLIST_FORMAT_LEFT, FromDIP(300));
    list->AppendColumn(_("Tasks completed"), wxLIST_FORMAT_LEFT, FromDIP(220));
    for (const auto& [member, count] : counts) {
        const long row = list->GetItemCount();
        list->InsertItem(row, to_wx(cycle.members[member].name));
        list->SetItem(row, 1, to_wx(cycle.members[member].department));
        list->SetItem(row, 2, percent(count.first, count.second));
    }
    sizer->Add(list, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
}

// Once the cycle is closed: the results of the people of the head's own
// department (exact path of the cycle snapshot), as the core scored them.
// Per person only; nothing per rater.
void TasksPanel::add_department_results(wxSizer* sizer) {
    const Cycle& cycle = *session_.cycle;
    const std::string& department = cycle.members[*session_.member].department;
    const std::unique_ptr<CycleReport> report = load_cycle_report(*session_.db, cycle.name);
    const int gap = FromDIP(10);
    auto* heading = new wxStaticText(this, wxID_ANY, wxString::Format(_("Results in %s"), to_wx(department)));
    heading->SetFont(ui_font(1, true));
    sizer->Add(heading, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
    auto* list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 200)), wxLC_REPORT | wxLC_SINGLE_SEL);
    list->SetName("department_results");
    list->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(160));
    list->AppendColumn(_("Total"), wxLIST_FORMAT_RIGHT, FromDIP(90));
    list->AppendColumn(_("Unit rank"), wxLIST_FORMAT_RIGHT, FromDIP(100));
    list->AppendColumn(_("Department rank"), wxLIST_FORMAT_RIGHT, FromDIP(120));
    list->AppendColumn(_("Grade"), wxLIST_FORMAT_LEFT, FromDIP(100));
    list->AppendColumn(_("Peer ballots"), wxLIST_FORMAT_RIGHT, FromDIP(110));
    list->AppendColumn(_("Flags"), wxLIST_FORMAT_LEFT, FromDIP(300));
    const auto number = [](const std::optional<int>& value) { return value ? wxString::Format("%d", *value) : wxString(); };
    for (const std::size_t index : order_people(report->input, report->results)) {
        const PersonResult& person = report->results.people[index];
        const CycleMember& member = report->cycle.members.at(person.member);
        if (member.department != department) continue;
        const long row = list->GetItemCount();
        list->InsertItem(row, to_wx(member.name));
        list->SetItem(row, 1, person.total ? wxString::FromCDouble(*person.total, 2) : wxString());
        list->SetItem(row, 2, number(person.rank_unit));
        list->SetItem(row, 3, number(person.rank_department));
        list->SetItem(row, 4, person.grade ? to_wx(*person.grade) : wxString());
        list->SetItem(row, 5, wxString::Format("%d", person.peer_count));
        wxString flags;
        for (const std::string& flag : person.flags) flags << (flags.empty() ? "" : "；") << flag_label(flag, *report);
        list->SetItem(row, 6, flags);
    }
    sizer->Add(list, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
}

}  // namespace exemplar::gui
