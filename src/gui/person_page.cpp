#include "gui/person_page.h"

#include <algorithm>
#include <vector>

#include <wx/button.h>
#include <wx/grid.h>
#include <wx/intl.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "gui/appearance.h"
#include "gui/charts.h"
#include "gui/compat.h"

namespace exemplar::gui {
namespace {

const wxColour quiet_text(0x60, 0x60, 0x60);
const wxColour self_colour(0x2F, 0x6F, 0xD0);
const wxColour others_colour(0xE0, 0x7B, 0x24);
const wxColour high_fill(0xFF, 0xC7, 0xCE);
const wxColour low_fill(0xC6, 0xEF, 0xCE);
const wxColour total_fill(0xF2, 0xF4, 0xF7);

wxString value_text(const std::optional<double>& value) { return value ? wxString::FromCDouble(*value, 2) : wxString("—"); }
wxString value_text(const std::optional<int>& value) { return value ? wxString::Format("%d", *value) : wxString("—"); }

wxString dimension_name(const std::string& id, const CycleReport& report) {
    for (const DimensionColumn& d : report.results.dimensions)
        if (d.id == id) return to_wx(d.name);
    return to_wx(id);
}

wxString relation_label(Relation relation) {
    switch (relation) {
    case Relation::self: return _("Self-review");
    case Relation::head: return _("Head's evaluation");
    case Relation::peer: return _("Peer ballot");
    }
    return {};
}

wxGrid* small_grid(wxWindow* parent, const char* name, int rows, int columns) {
    auto* grid = new wxGrid(parent, wxID_ANY);
    grid->SetName(name);
    grid->CreateGrid(rows, columns);
    grid->EnableEditing(false);
    grid->DisableDragRowSize();
    grid->SetDefaultCellFont(ui_font(0));
    grid->SetLabelFont(ui_font(0, true));
    grid->SetDefaultRowSize(parent->FromDIP(27), true);
    grid->SetColLabelSize(parent->FromDIP(30));
    grid->SetDefaultCellAlignment(wxALIGN_RIGHT, wxALIGN_CENTRE);
    grid->SetCellHighlightPenWidth(0);
    return grid;
}

// A grid as tall and wide as its cells, so the page (not the grid) scrolls.
void fit(wxGrid* grid) {
    grid->AutoSizeColumns(false);
    grid->SetRowLabelSize(wxGRID_AUTOSIZE);
    grid->SetRowLabelSize(grid->GetRowLabelSize() + grid->FromDIP(16));
    for (int c = 0; c < grid->GetNumberCols(); ++c) grid->SetColSize(c, grid->GetColSize(c) + grid->FromDIP(16));
    int width = grid->GetRowLabelSize(), height = grid->GetColLabelSize();
    for (int c = 0; c < grid->GetNumberCols(); ++c) width += grid->GetColSize(c);
    for (int r = 0; r < grid->GetNumberRows(); ++r) height += grid->GetRowSize(r);
    grid->SetMinSize(wxSize(width + 2, height + 2));
    grid->SetMaxSize(wxSize(width + 2, height + 2));
}

}  // namespace

wxString flag_label(const std::string& flag, const CycleReport& report) {
    if (flag == "INSUFFICIENT_PEERS") return _("Too few peer ballots");
    if (flag == "NO_HEAD") return _("No head's evaluation");
    if (flag == "INCOMPLETE") return _("Incomplete");
    if (flag == "QUOTA_TIE") return _("Tie at the quota");
    if (flag.starts_with("BLIND_SPOT:")) return wxString::Format(_("Self high: %s"), dimension_name(flag.substr(11), report));
    if (flag.starts_with("HIDDEN_STRENGTH:")) return wxString::Format(_("Self low: %s"), dimension_name(flag.substr(16), report));
    return to_wx(flag);
}

wxString flag_meaning(const std::string& flag, const CycleReport& report) {
    if (flag == "INSUFFICIENT_PEERS")
        return wxString::Format(_("Fewer than %d valid peer ballots: no peer score is counted and no votes are shown."),
                                report.cycle.plan.min_peers);
    if (flag == "NO_HEAD") return _("No head's evaluation (there is no head above the person).");
    if (flag == "INCOMPLETE") return _("Some evaluations of the person are not yet submitted.");
    if (flag == "QUOTA_TIE") return _("Tied ranks go beyond the quota of the top grade; everyone tied keeps that grade.");
    if (flag.starts_with("BLIND_SPOT:"))
        return wxString::Format(_("%s: the self-review is 15 or more points above the others' score."),
                                dimension_name(flag.substr(11), report));
    if (flag.starts_with("HIDDEN_STRENGTH:"))
        return wxString::Format(_("%s: the self-review is 15 or more points below the others' score."),
                                dimension_name(flag.substr(16), report));
    return to_wx(flag);
}

PersonPanel::PersonPanel(wxWindow* parent, const CycleReport& report, std::size_t person, std::function<void()> back)
    : wxPanel(parent, wxID_ANY), report_(report), person_(person) {
    SetName("person_page");
    const PersonResult& result = report_.results.people.at(person_);
    const ScoringMember& member = report_.input.members.at(result.member);
    const int gap = FromDIP(10);
    auto* outer = new wxBoxSizer(wxVERTICAL);

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    auto* back_button = new wxButton(this, wxID_ANY, _("← &Back to the results"));
    back_button->SetName("person_back");
    back_button->Bind(wxEVT_BUTTON, [back](wxCommandEvent&) { back(); });
    top->Add(back_button, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
    // Fonts before labels, so each text is measured in its own font.
    auto* title = new wxStaticText(this, wxID_ANY, {});
    title->SetFont(ui_font(2, true));
    title->SetLabel(wxString::Format("%s（%s）", to_wx(member.name), to_wx(member.person_id)));
    top->Add(title, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
    auto* where = new wxStaticText(this, wxID_ANY, to_wx(member.department) + "　" + to_wx(member.position));
    where->SetForegroundColour(quiet_text);
    top->Add(where, 0, wxALIGN_CENTER_VERTICAL);
    outer->Add(top, 0, wxALL, gap);

    const wxString facts = wxString::Format(_("Total: %s"), value_text(result.total)) + "　　" +
                           wxString::Format(_("Unit rank: %s"), value_text(result.rank_unit)) + "　　" +
                           wxString::Format(_("Department rank: %s"), value_text(result.rank_department)) + "　　" +
                           wxString::Format(_("Grade: %s"), result.grade ? to_wx(*result.grade) : wxString("—")) + "　　" +
                           wxString::Format(_("Valid peer ballots: %d"), result.peer_count);
    auto* facts_text = new wxStaticText(this, wxID_ANY, {});
    facts_text->SetName("person_facts");
    facts_text->SetFont(ui_font(1, true));
    facts_text->SetLabel(facts);
    outer->Add(facts_text, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);

    // Two tabs: the scores with the radar, and the peer ballot's votes.
    auto* tabs = new wxNotebook(this, wxID_ANY);
    tabs->SetName("person_tabs");
    auto* overview = new wxScrolledWindow(tabs, wxID_ANY);
    overview->SetScrollRate(FromDIP(10), FromDIP(10));
    auto* middle = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    add_scores(overview, left);
    middle->Add(left, 0, wxALL, gap);

    radar_ = new RadarChart(overview);
    radar_->SetName("radar");
    RadarData data;
    RadarSeries self{_("Self-review"), self_colour, {}};
    RadarSeries others{_("Others (head and peers)"), others_colour, {}};
    // Axes: the dimensions where self and others can be compared (every
    // dimension with a score when fewer than three can).
    const auto& self_scores = result.groups[index_of(Relation::self)];
    std::vector<std::size_t> axes;
    for (std::size_t d = 0; d < report_.results.dimensions.size(); ++d)
        if (self_scores.at(d) && result.others.at(d)) axes.push_back(d);
    if (axes.size() < 3) {
        axes.clear();
        for (std::size_t d = 0; d < report_.results.dimensions.size(); ++d)
            if (self_scores.at(d) || result.others.at(d)) axes.push_back(d);
    }
    for (const std::size_t d : axes) {
        data.axes.push_back(to_wx(report_.results.dimensions[d].name));
        self.values.push_back(self_scores.at(d));
        others.values.push_back(result.others.at(d));
    }
    data.series = {self, others};
    radar_->set_data(std::move(data));
    middle->Add(radar_, 1, wxEXPAND | wxALL, gap);
    overview->SetSizer(middle);
    overview->FitInside();
    tabs->AddPage(overview, _("Scores and radar chart"), true);

    auto* votes = new wxScrolledWindow(tabs, wxID_ANY);
    votes->SetScrollRate(FromDIP(10), FromDIP(10));
    auto* votes_sizer = new wxBoxSizer(wxVERTICAL);
    add_tallies(votes, votes_sizer);
    votes->SetSizer(votes_sizer);
    votes->FitInside();
    tabs->AddPage(votes, _("Peer ballot votes"));
    outer->Add(tabs, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    SetSizer(outer);
}

void PersonPanel::add_scores(wxWindow* page, wxSizer* sizer) {
    const PersonResult& result = report_.results.people.at(person_);
    const auto& dimensions = report_.results.dimensions;
    std::vector<Relation> relations;
    for (const Relation relation : all_relations)
        if (report_.input.forms[index_of(relation)] != nullptr) relations.push_back(relation);

    auto* heading = new wxStaticText(page, wxID_ANY, _("Scores by dimension"));
    heading->SetFont(ui_font(0, true));
    sizer->Add(heading, 0, wxBOTTOM, FromDIP(6));
    const int rows = static_cast<int>(dimensions.size()) + 1;
    const int columns = static_cast<int>(relations.size()) + 3;
    scores_ = small_grid(page, "person_scores", rows, columns);
    int c = 0;
    for (const Relation relation : relations) scores_->SetColLabelValue(c++, relation_label(relation));
    scores_->SetColLabelValue(c++, _("Others"));
    scores_->SetColLabelValue(c++, _("Score"));
    scores_->SetColLabelValue(c++, _("Gap (self − others)"));
    for (std::size_t d = 0; d < dimensions.size(); ++d) {
        const int r = static_cast<int>(d);
        scores_->SetRowLabelValue(r, to_wx(dimensions[d].name));
        c = 0;
        for (const Relation relation : relations) scores_->SetCellValue(r, c++, value_text(result.groups[index_of(relation)].at(d)));
        scores_->SetCellValue(r, c++, value_text(result.others.at(d)));
        scores_->SetCellValue(r, c++, value_text(result.scores.at(d)));
        scores_->SetCellValue(r, c, value_text(result.gaps.at(d)));
        for (const std::string& flag : result.flags) {
            if (flag == "BLIND_SPOT:" + dimensions[d].id) scores_->SetCellBackgroundColour(r, c, high_fill);
            if (flag == "HIDDEN_STRENGTH:" + dimensions[d].id) scores_->SetCellBackgroundColour(r, c, low_fill);
        }
    }
    const int total_row = rows - 1;
    scores_->SetRowLabelValue(total_row, _("Total"));
    c = 0;
    for (const Relation relation : relations) scores_->SetCellValue(total_row, c++, value_text(result.group_totals[index_of(relation)]));
    scores_->SetCellValue(total_row, c++, "—");
    scores_->SetCellValue(total_row, c++, value_text(result.total));
    scores_->SetCellValue(total_row, c, "—");
    for (int k = 0; k < columns; ++k) {
        scores_->SetCellBackgroundColour(total_row, k, total_fill);
        scores_->SetCellFont(total_row, k, ui_font(0, true));
    }
    fit(scores_);
    sizer->Add(scores_, 0, wxBOTTOM, FromDIP(12));

    auto* flags_heading = new wxStaticText(page, wxID_ANY, _("Flags"));
    flags_heading->SetFont(ui_font(0, true));
    sizer->Add(flags_heading, 0, wxBOTTOM, FromDIP(4));
    wxString lines;
    for (const std::string& flag : result.flags) lines << "• " << flag_meaning(flag, report_) << "\n";
    if (lines.empty()) lines = _("None.");
    auto* flags = new wxStaticText(page, wxID_ANY, lines.Trim());
    flags->SetName("person_flags");
    flags->Wrap(FromDIP(560));
    sizer->Add(flags, 0, wxBOTTOM, FromDIP(12));
}

void PersonPanel::add_tallies(wxWindow* page, wxSizer* sizer) {
    const PersonResult& result = report_.results.people.at(person_);
    const Form* form = report_.cycle.form_for(Relation::peer);
    if (form == nullptr) return;
    const int gap = FromDIP(10);
    auto* heading = new wxStaticText(page, wxID_ANY, _("Peer ballot: votes per item (counts only; no rater's answer is ever shown)"));
    heading->SetFont(ui_font(0, true));
    sizer->Add(heading, 0, wxLEFT | wxRIGHT | wxTOP, gap);
    if (result.tallies.empty()) {
        auto* note = new wxStaticText(page, wxID_ANY,
                                      wxString::Format(_("Fewer than %d valid peer ballots: the votes are not shown."),
                                                       report_.cycle.plan.min_peers));
        note->SetForegroundColour(quiet_text);
        sizer->Add(note, 0, wxALL, gap);
        return;
    }
    // Count columns: the option labels of the tallied items' scales, in order of first appearance.
    std::vector<std::string> labels;
    for (const ItemTally& tally : result.tallies)
        for (const ScaleOption& option : form->scale_of(form->items.at(tally.item)).options)
            if (std::find(labels.begin(), labels.end(), option.label) == labels.end()) labels.push_back(option.label);
    const int columns = static_cast<int>(labels.size()) + 3;
    tallies_ = small_grid(page, "person_tallies", static_cast<int>(result.tallies.size()), columns);
    tallies_->SetColLabelValue(0, _("Statement"));
    for (std::size_t l = 0; l < labels.size(); ++l) tallies_->SetColLabelValue(static_cast<int>(l) + 1, to_wx(labels[l]));
    tallies_->SetColLabelValue(columns - 2, _("Valid ballots"));
    tallies_->SetColLabelValue(columns - 1, _("Favorable"));
    for (std::size_t t = 0; t < result.tallies.size(); ++t) {
        const ItemTally& tally = result.tallies[t];
        const Item& item = form->items.at(tally.item);
        const Scale& scale = form->scale_of(item);
        const int r = static_cast<int>(t);
        tallies_->SetRowLabelValue(r, to_wx(item.id));
        tallies_->SetCellValue(r, 0, to_wx(Form::wording(item, Use::others)));
        tallies_->SetCellAlignment(r, 0, wxALIGN_LEFT, wxALIGN_CENTRE);
        for (std::size_t o = 0; o < scale.options.size() && o < tally.counts.size(); ++o) {
            const auto at = std::find(labels.begin(), labels.end(), scale.options[o].label) - labels.begin();
            tallies_->SetCellValue(r, static_cast<int>(at) + 1, wxString::Format("%d", tally.counts[o]));
        }
        tallies_->SetCellValue(r, columns - 2, wxString::Format("%d", tally.answers));
        tallies_->SetCellValue(r, columns - 1,
                               tally.favorable_rate ? wxString::FromCDouble(*tally.favorable_rate * 100, 1) + "%" : wxString("—"));
    }
    fit(tallies_);
    sizer->Add(tallies_, 0, wxALL, gap);
}

}  // namespace exemplar::gui
