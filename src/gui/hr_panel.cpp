#include "gui/hr_panel.h"

#include <wx/button.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "gui/appearance.h"
#include "gui/compat.h"
#include "gui/hr_cycles_page.h"
#include "gui/hr_plans_page.h"
#include "gui/hr_roster_page.h"
#include "gui/results_page.h"

namespace exemplar::gui {

HrPanel::HrPanel(wxWindow* parent, Session& session, Navigator& navigator)
    : wxPanel(parent), session_(session), navigator_(navigator) {
    SetName("hr_page");
    const int gap = FromDIP(10);
    auto* outer = new wxBoxSizer(wxVERTICAL);
    auto* header = new wxBoxSizer(wxHORIZONTAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("HR administration"));
    title->SetFont(ui_font(2, true));
    header->Add(title, 0, wxALIGN_CENTER_VERTICAL);
    header->AddSpacer(2 * gap);
    auto* path = new wxStaticText(this, wxID_ANY, wxString::Format(_("Database: %s"), to_wx(session.db_path.string())));
    path->SetForegroundColour(wxColour(0x60, 0x60, 0x60));
    header->Add(path, 1, wxALIGN_CENTER_VERTICAL);
    auto* out = new wxButton(this, wxID_ANY, _("Sign &out"));
    out->SetName("sign_out");
    header->Add(out, 0, wxALIGN_CENTER_VERTICAL);
    outer->Add(header, 0, wxEXPAND | wxALL, gap);

    tabs_ = new wxNotebook(this, wxID_ANY);
    tabs_->SetName("hr_tabs");
    cycles_ = new HrCyclesPage(tabs_, session);
    tabs_->AddPage(cycles_, _("Cycles"), true);
    // 10,000 people make the roster list and the results slow to build: not before they are looked at.
    roster_tab_ = new wxPanel(tabs_);
    roster_tab_->SetSizer(new wxBoxSizer(wxVERTICAL));
    tabs_->AddPage(roster_tab_, _("Roster"));
    results_ = new ResultsPage(tabs_, session);
    tabs_->AddPage(results_, _("Results"));
    plans_ = new HrPlansPage(tabs_);
    tabs_->AddPage(plans_, _("Plans and forms"));
    // more HR tabs
    outer->Add(tabs_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    SetSizer(outer);
    out->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { navigator_.sign_out(); });
    tabs_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& event) {
        event.Skip();
        // The results page's own notebook sends these too.
        if (event.GetEventObject() != tabs_ || event.GetSelection() == wxNOT_FOUND) return;
        on_tab_shown(tabs_->GetPage(static_cast<std::size_t>(event.GetSelection())));
    });
}

void HrPanel::on_tab_shown(wxWindow* page) {
    if (page == roster_tab_ && roster_ == nullptr) {
        roster_ = new HrRosterPage(roster_tab_, session_);
        roster_tab_->GetSizer()->Add(roster_, 1, wxEXPAND);
        roster_tab_->Layout();
    } else if (page == results_) {
        results_->activate();
    } else if (page == plans_) {
        plans_->activate();
    }
}

}  // namespace exemplar::gui
