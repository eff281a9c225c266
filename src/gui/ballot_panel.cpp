#include "gui/ballot_panel.h"

#include <algorithm>
#include <optional>

#include <wx/button.h>
#include <wx/grid.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "gui/appearance.h"
#include "gui/compat.h"

namespace exemplar::gui {
namespace {

const wxColour missing_colour(0xFD, 0xE2, 0xE2);
const wxColour locked_colour(0xF2, 0xF2, 0xF2);
const wxColour red_text(0xB0, 0x1C, 0x1C);
const wxColour quiet_text(0x60, 0x60, 0x60);

}  // namespace

BallotPanel::BallotPanel(wxWindow* parent, Session& session, Navigator& navigator)
    : wxPanel(parent), session_(session), navigator_(navigator) {
    SetName("ballot_page");
    const Cycle& cycle = *session_.cycle;
    for (const Task& task : tasks_of(*session_.db, cycle, *session_.member))
        if (task.relation == Relation::peer)
            sheets_.push_back(AnswerSheet::open(*session_.db, cycle, task.rater, task.ratee, Relation::peer));
    const Form* form = cycle.form_for(Relation::peer);
    const std::size_t items = form ? form->items.size() : 0;
    missing_.assign(sheets_.size(), std::vector<bool>(items, false));

    const int gap = FromDIP(10);
    auto* outer = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, wxString::Format(_("Peer ballot — %s"), to_wx(cycle.name)));
    title->SetFont(ui_font(2, true));
    outer->Add(title, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
    if (form) {
        auto* subtitle = new wxStaticText(this, wxID_ANY, to_wx(form->title));
        subtitle->SetForegroundColour(quiet_text);
        outer->AddSpacer(gap / 2);
        outer->Add(subtitle, 0, wxLEFT | wxRIGHT, 2 * gap);
    }
    banner_ = new wxStaticText(this, wxID_ANY, {});
    banner_->SetName("banner");
    banner_->SetForegroundColour(quiet_text);
    outer->AddSpacer(gap);
    outer->Add(banner_, 0, wxEXPAND | wxLEFT | wxRIGHT, 2 * gap);

    grid_ = new wxGrid(this, wxID_ANY);
    grid_->SetName("ballot");
    grid_->CreateGrid(static_cast<int>(sheets_.size()), static_cast<int>(items));
    grid_->SetDefaultCellFont(ui_font(0));
    grid_->SetLabelFont(ui_font(0, true));
    grid_->SetDefaultRowSize(FromDIP(38), true);
    grid_->SetColLabelSize(FromDIP(44));
    grid_->SetRowLabelSize(FromDIP(150));
    grid_->SetDefaultCellAlignment(wxALIGN_CENTRE, wxALIGN_CENTRE);
    grid_->DisableDragRowSize();
    for (std::size_t c = 0; c < items; ++c) {
        const Item& item = form->items[c];
        grid_->SetColLabelValue(static_cast<int>(c), to_wx(form->dimensions[item.dimension].name));
        grid_->SetColSize(static_cast<int>(c), FromDIP(150));
        wxArrayString labels;
        for (const ScaleOption& option : form->scale_of(item).options) labels.Add(to_wx(option.label));
        auto* attr = new wxGridCellAttr;
        attr->SetEditor(new wxGridCellChoiceEditor(labels));
        grid_->SetColAttr(static_cast<int>(c), attr);
    }
    for (std::size_t r = 0; r < sheets_.size(); ++r) {
        const CycleMember& colleague = cycle.members[sheets_[r].ratee()];
        grid_->SetRowLabelValue(static_cast<int>(r), to_wx(colleague.name));
        for (std::size_t c = 0; c < items; ++c) {
            const AnswerCode code = sheets_[r].answer(c);
            grid_->SetCellValue(static_cast<int>(r), static_cast<int>(c),
                                code == unanswered ? wxString() : to_wx(form->scale_of(form->items[c]).options[option_index(code)].label));
            grid_->SetReadOnly(static_cast<int>(r), static_cast<int>(c), sheets_[r].read_only());
        }
    }
    // Columns share the width; up to 12 rows show without scrolling, more scroll inside the grid.
    const int width = parent->GetClientSize().x - 4 * gap - grid_->GetRowLabelSize() - FromDIP(4);
    if (items > 0)
        for (std::size_t c = 0; c < items; ++c)
            grid_->SetColSize(static_cast<int>(c), std::max(FromDIP(120), width / static_cast<int>(items)));
    const int shown_rows = std::clamp(static_cast<int>(sheets_.size()), 1, 12);
    grid_->SetMinSize(wxSize(-1, grid_->GetColLabelSize() + shown_rows * grid_->GetDefaultRowSize() + 2));
    outer->Add(grid_, 0, wxEXPAND | wxALL, 2 * gap);

    // What each column asks, under the grid.
    if (form) {
        auto* legend = new wxFlexGridSizer(2, FromDIP(4), gap);
        for (const Item& item : form->items) {
            auto* name = new wxStaticText(this, wxID_ANY, to_wx(form->dimensions[item.dimension].name));
            name->SetFont(ui_font(0, true));
            legend->Add(name);
            auto* text = new wxStaticText(this, wxID_ANY, to_wx(Form::wording(item, Use::others)));
            text->SetForegroundColour(quiet_text);
            legend->Add(text);
        }
        outer->Add(legend, 0, wxLEFT | wxRIGHT, 2 * gap);
    }
    outer->AddStretchSpacer();

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* back = new wxButton(this, wxID_ANY, _("&Back to my tasks"));
    back->SetName("back");
    submit_ = new wxButton(this, wxID_ANY, _("&Submit the ballot"));
    submit_->SetName("submit");
    buttons->AddStretchSpacer();
    buttons->Add(back, 0, wxRIGHT, gap);
    buttons->Add(submit_);
    outer->Add(buttons, 0, wxEXPAND | wxALL, 2 * gap);
    SetSizer(outer);

    grid_->Bind(wxEVT_GRID_CELL_CHANGED, &BallotPanel::on_changed, this);
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { navigator_.show_tasks(); });
    submit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { submit(); });

    if (read_only()) {
        banner_->SetLabel(_("Submitted: the ballot is shown read-only."));
        submit_->Hide();
    } else {
        banner_->SetLabel(_("Choose a grade in each cell (double-click or start typing). Every choice is saved at once; "
                            "the ballot is anonymous."));
    }
    paint();
}

bool BallotPanel::read_only() const {
    return std::all_of(sheets_.begin(), sheets_.end(), [](const AnswerSheet& sheet) { return sheet.read_only(); });
}

bool BallotPanel::highlighted(std::size_t row, std::size_t item) const {
    return missing_.at(row).at(item) && sheets_[row].answer(item) == unanswered;
}

void BallotPanel::on_changed(wxGridEvent& event) {
    const auto row = static_cast<std::size_t>(event.GetRow());
    const auto column = static_cast<std::size_t>(event.GetCol());
    AnswerSheet& sheet = sheets_.at(row);
    const Form& form = sheet.form();
    const std::string label = from_wx(grid_->GetCellValue(event.GetRow(), event.GetCol()));
    const auto& options = form.scale_of(form.items.at(column)).options;
    const auto found = std::find_if(options.begin(), options.end(), [&](const ScaleOption& option) { return option.label == label; });
    sheet.set_answer(*session_.db, column, found == options.end() ? unanswered : answer_code(static_cast<std::size_t>(found - options.begin())));
    paint();
}

void BallotPanel::paint() {
    for (std::size_t r = 0; r < sheets_.size(); ++r)
        for (std::size_t c = 0; c < missing_[r].size(); ++c) {
            const wxColour colour = highlighted(r, c) ? missing_colour : sheets_[r].read_only() ? locked_colour : *wxWHITE;
            grid_->SetCellBackgroundColour(static_cast<int>(r), static_cast<int>(c), colour);
        }
    grid_->ForceRefresh();
}

void BallotPanel::submit() {
    std::size_t missing = 0;
    std::optional<std::pair<int, int>> first;
    for (std::size_t r = 0; r < sheets_.size(); ++r) {
        if (sheets_[r].read_only()) continue;
        for (const std::size_t item : sheets_[r].missing_required()) {
            missing_[r][item] = true;
            ++missing;
            if (!first) first = {static_cast<int>(r), static_cast<int>(item)};
        }
    }
    if (first) {
        banner_->SetLabel(wxString::Format(_("Not submitted: %zu cells are still empty. They are marked in red."), missing));
        banner_->SetForegroundColour(red_text);
        banner_->SetFont(ui_font(0, true));
        paint();
        grid_->SetGridCursor(first->first, first->second);
        grid_->MakeCellVisible(first->first, first->second);
        grid_->SetFocus();
        Layout();
        return;
    }
    for (AnswerSheet& sheet : sheets_)
        if (!sheet.read_only()) sheet.submit(*session_.db);
    for (int r = 0; r < grid_->GetNumberRows(); ++r)
        for (int c = 0; c < grid_->GetNumberCols(); ++c) grid_->SetReadOnly(r, c, true);
    banner_->SetLabel(_("Ballot submitted, thank you. It is now shown read-only."));
    banner_->SetForegroundColour(wxColour(0x1B, 0x6E, 0x2E));
    banner_->SetFont(ui_font(0, true));
    submit_->Hide();
    paint();
    Layout();
}

}  // namespace exemplar::gui
