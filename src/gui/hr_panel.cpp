#include "gui/hr_panel.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "core/cycle_store.h"
#include "gui/appearance.h"
#include "gui/compat.h"

namespace exemplar::gui {

HrPanel::HrPanel(wxWindow* parent, Session& session, Navigator& navigator) : wxPanel(parent), navigator_(navigator) {
    SetName("hr_page");
    const int gap = FromDIP(10);
    auto* outer = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("HR administration — evaluation cycles"));
    title->SetFont(ui_font(2, true));
    outer->Add(title, 0, wxALL, 2 * gap);
    auto* path = new wxStaticText(this, wxID_ANY, wxString::Format(_("Database: %s"), to_wx(session.db_path.string())));
    path->SetForegroundColour(wxColour(0x60, 0x60, 0x60));
    outer->Add(path, 0, wxLEFT | wxRIGHT | wxBOTTOM, 2 * gap);

    auto* list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    list->SetName("cycles");
    list->AppendColumn(_("Cycle"), wxLIST_FORMAT_LEFT, FromDIP(200));
    list->AppendColumn(_("Plan"), wxLIST_FORMAT_LEFT, FromDIP(120));
    list->AppendColumn(_("Created"), wxLIST_FORMAT_LEFT, FromDIP(190));
    list->AppendColumn(_("State"), wxLIST_FORMAT_LEFT, FromDIP(110));
    list->AppendColumn(_("Members"), wxLIST_FORMAT_RIGHT, FromDIP(90));
    list->AppendColumn(_("Submitted"), wxLIST_FORMAT_RIGHT, FromDIP(220));
    for (const CycleSummary& cycle : list_cycles(*session.db)) {
        const long row = list->GetItemCount();
        list->InsertItem(row, to_wx(cycle.name));
        list->SetItem(row, 1, to_wx(cycle.plan_id));
        list->SetItem(row, 2, to_wx(cycle.created_at));
        list->SetItem(row, 3, cycle.closed_at ? _("Closed") : _("Open"));
        list->SetItem(row, 4, wxString::Format("%d", cycle.members));
        const int percent = cycle.assignments == 0 ? 0 : static_cast<int>(100.0 * cycle.submitted / cycle.assignments + 0.5);
        list->SetItem(row, 5, wxString::Format("%d / %d  (%d%%)", cycle.submitted, cycle.assignments, percent));
    }
    outer->Add(list, 1, wxEXPAND | wxLEFT | wxRIGHT, 2 * gap);
    auto* note = new wxStaticText(this, wxID_ANY,
                                  _("The roster, cycle, import, results and export screens come in the next version; "
                                    "meanwhile use the exemplar command."));
    note->SetForegroundColour(wxColour(0x60, 0x60, 0x60));
    outer->Add(note, 0, wxALL, 2 * gap);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* out = new wxButton(this, wxID_ANY, _("Sign &out"));
    out->SetName("sign_out");
    buttons->AddStretchSpacer();
    buttons->Add(out);
    outer->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 2 * gap);
    SetSizer(outer);
    out->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { navigator_.sign_out(); });
}

}  // namespace exemplar::gui
