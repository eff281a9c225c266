// The peer ballot (民主测评票) as a grid: a row per colleague the rater
// rates, a column per ballot item, drop-downs of the scale's labels. Each
// change is saved at once to that colleague's AnswerSheet; Submit checks
// every row (the empty cells turn red) and then submits them all.
// Window names for tests: "ballot", "submit", "banner".
#pragma once

#include <vector>

#include <wx/panel.h>

#include "core/answer_sheet.h"
#include "gui/navigator.h"
#include "gui/session.h"

class wxButton;
class wxGrid;
class wxGridEvent;
class wxStaticText;

namespace exemplar::gui {

class BallotPanel : public wxPanel {
public:
    BallotPanel(wxWindow* parent, Session& session, Navigator& navigator);

    wxGrid* grid() const { return grid_; }
    const std::vector<AnswerSheet>& sheets() const { return sheets_; }
    bool highlighted(std::size_t row, std::size_t item) const;
    void submit();

private:
    void on_changed(wxGridEvent& event);
    void paint();
    bool read_only() const;

    Session& session_;
    Navigator& navigator_;
    std::vector<AnswerSheet> sheets_;  // one a colleague, in grid row order
    std::vector<std::vector<bool>> missing_;
    wxGrid* grid_ = nullptr;
    wxStaticText* banner_ = nullptr;
    wxButton* submit_ = nullptr;
};

}  // namespace exemplar::gui
