// One person's results, opened from the results grid: scores per dimension
// by group (self, head, peers, others, P) with the gaps, the total, ranks,
// grade and flags, a radar of self against others, and the peer ballot's
// tallies as counts only (never any rater's answer).
// Window names for tests: "person_back", "person_tabs", "person_scores", "person_tallies", "radar".
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include <wx/panel.h>

#include "core/cycle_report.h"

class wxGrid;

namespace exemplar::gui {

class RadarChart;

// A flag code (INSUFFICIENT_PEERS, BLIND_SPOT:loyalty, …) as the user reads
// it: short for the grid, long with its meaning for the person's page.
wxString flag_label(const std::string& flag, const CycleReport& report);
wxString flag_meaning(const std::string& flag, const CycleReport& report);

class PersonPanel : public wxPanel {
public:
    // `person` indexes report.results.people; `back` returns to the list.
    PersonPanel(wxWindow* parent, const CycleReport& report, std::size_t person, std::function<void()> back);

    std::size_t person() const { return person_; }
    RadarChart* radar() const { return radar_; }
    wxGrid* scores() const { return scores_; }
    wxGrid* tallies() const { return tallies_; }

private:
    void add_scores(wxWindow* page, wxSizer* sizer);
    void add_tallies(wxWindow* page, wxSizer* sizer);

    const CycleReport& report_;
    std::size_t person_;
    RadarChart* radar_ = nullptr;
    wxGrid* scores_ = nullptr;
    wxGrid* tallies_ = nullptr;
};

}  // namespace exemplar::gui
