#include "gui/results_page.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dcclient.h>
#include <wx/grid.h>
#include <wx/notebook.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/weakref.h>

#include "core/cycle_store.h"
#include "gui/appearance.h"
#include "gui/charts.h"
#include "gui/compat.h"
#include "gui/error_dialog.h"
#include "gui/person_page.h"

namespace exemplar::gui {

namespace {
const wxColour quiet_text(0x60, 0x60, 0x60);
}  // namespace

// The virtual grid's table: every value read from the ResultsView on demand.
class ResultsGridTable : public wxGridTableBase {
public:
    ResultsGridTable() {
        left_ = new wxGridCellAttr;
        left_->SetAlignment(wxALIGN_LEFT, wxALIGN_CENTRE);
        left_->SetReadOnly();
        right_ = new wxGridCellAttr;
        right_->SetAlignment(wxALIGN_RIGHT, wxALIGN_CENTRE);
        right_->SetReadOnly();
    }
    ~ResultsGridTable() override {
        left_->DecRef();
        right_->DecRef();
    }
    void set_view(const ResultsView* view) { view_ = view; }

    int GetNumberRows() override { return view_ ? static_cast<int>(view_->rows()) : 0; }
    int GetNumberCols() override { return view_ ? static_cast<int>(view_->columns().size()) : 0; }
    bool IsEmptyCell(int row, int col) override {
        return !valid(row, col) || std::holds_alternative<std::monostate>(cell(row, col));
    }
    wxString GetValue(int row, int col) override {
        if (!valid(row, col)) return {};
        const TableCell& value = cell(row, col);
        if (const auto* d = std::get_if<double>(&value)) return wxString::FromCDouble(*d, 2);
        if (const auto* i = std::get_if<long long>(&value)) return wxString::Format("%lld", *i);
        if (const auto* s = std::get_if<std::string>(&value)) {
            if (view_->columns()[static_cast<std::size_t>(col)].code != "flags") return to_wx(*s);
            // Flags as words: BLIND_SPOT:loyalty → 自评偏高：绝对忠诚.
            wxString words;
            std::size_t start = 0;
            while (start <= s->size()) {
                const std::size_t end = std::min(s->find(';', start), s->size());
                if (end > start) words << (words.empty() ? "" : "；") << flag_label(s->substr(start, end - start), view_->report());
                start = end + 1;
            }
            return words;
        }
        return {};
    }
    void SetValue(int, int, const wxString&) override {}
    wxString GetColLabelValue(int col) override {
        if (!view_ || col < 0 || static_cast<std::size_t>(col) >= view_->columns().size()) return {};
        wxString label = to_wx(view_->columns()[static_cast<std::size_t>(col)].header);
        if (view_->sort_column() == static_cast<std::size_t>(col)) label << (view_->ascending() ? " ▲" : " ▼");
        return label;
    }
    wxString GetRowLabelValue(int row) override { return wxString::Format("%d", row + 1); }
    bool CanHaveAttributes() override { return true; }
    wxGridCellAttr* GetAttr(int, int col, wxGridCellAttr::wxAttrKind) override {
        wxGridCellAttr* attr = numeric(col) ? right_ : left_;
        attr->IncRef();
        return attr;
    }

private:
    bool valid(int row, int col) const {
        return view_ && row >= 0 && col >= 0 && static_cast<std::size_t>(row) < view_->rows() &&
               static_cast<std::size_t>(col) < view_->columns().size();
    }
    const TableCell& cell(int row, int col) const { return view_->cell(static_cast<std::size_t>(row), static_cast<std::size_t>(col)); }
    bool numeric(int col) const {
        if (!view_ || col < 0 || static_cast<std::size_t>(col) >= view_->columns().size()) return false;
        const auto kind = view_->columns()[static_cast<std::size_t>(col)].kind;
        return kind == ResultsColumn::Kind::number || kind == ResultsColumn::Kind::integer;
    }

    const ResultsView* view_ = nullptr;
    wxGridCellAttr* left_ = nullptr;
    wxGridCellAttr* right_ = nullptr;
};

ResultsPage::ResultsPage(wxWindow* parent, Session& session) : wxPanel(parent), session_(session) {
    SetName("results_page");
    const int gap = FromDIP(10);
    auto* outer = new wxBoxSizer(wxVERTICAL);

    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Evaluation cycle:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap / 2);
    cycles_ = new wxChoice(this, wxID_ANY);
    cycles_->SetName("results_cycle");
    bar->Add(cycles_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Department:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap / 2);
    departments_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(220, -1)));
    departments_->SetName("results_department");
    bar->Add(departments_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
    search_ = new wxSearchCtrl(this, wxID_ANY, {}, wxDefaultPosition, FromDIP(wxSize(200, -1)));
    search_->SetName("results_search");
    search_->SetDescriptiveText(_("Name or staff number"));
    search_->ShowCancelButton(true);
    bar->Add(search_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
    count_ = new wxStaticText(this, wxID_ANY, {});
    count_->SetName("results_count");
    count_->SetForegroundColour(quiet_text);
    bar->Add(count_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
    status_ = new wxStaticText(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_MIDDLE);
    status_->SetName("export_status");
    status_->SetForegroundColour(quiet_text);
    bar->Add(status_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    export_ = new wxButton(this, wxID_ANY, _("&Export…"));
    export_->SetName("export");
    bar->Add(export_, 0, wxALIGN_CENTER_VERTICAL);
    outer->Add(bar, 0, wxEXPAND | wxALL, gap);

    book_ = new wxSimplebook(this, wxID_ANY);
    views_ = new wxNotebook(book_, wxID_ANY);
    views_->SetName("results_views");
    grid_ = new wxGrid(views_, wxID_ANY);
    grid_->SetName("results_grid");
    table_ = new ResultsGridTable;
    grid_->SetTable(table_, true, wxGrid::wxGridSelectRows);
    grid_->EnableEditing(false);
    grid_->DisableDragRowSize();
    grid_->SetDefaultCellFont(ui_font(0));
    grid_->SetLabelFont(ui_font(0, true));
    grid_->SetDefaultRowSize(FromDIP(30), true);
    grid_->SetColLabelSize(FromDIP(36));
    grid_->SetRowLabelSize(FromDIP(56));
    grid_->SetCellHighlightPenWidth(0);
    // Frozen columns need room: a grid built in a hidden tab freezes them once it has a size.
    grid_->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter([this] {
            if (grid_->GetNumberFrozenCols() == 0 && grid_->GetNumberCols() > 2) grid_->FreezeTo(0, 2);
        });
    });
    views_->AddPage(grid_, _("Results per person"), true);

    auto* chart_page = new wxPanel(views_);
    auto* chart_sizer = new wxBoxSizer(wxVERTICAL);
    auto* caption = new wxStaticText(chart_page, wxID_ANY, {});
    caption->SetFont(ui_font(0, true));  // before the label, so it is measured in bold
    caption->SetLabel(_("Mean total per department (over the people who have a total)"));
    chart_sizer->Add(caption, 0, wxALL, gap);
    chart_ = new BarChart(chart_page);
    chart_->SetName("department_chart");
    chart_sizer->Add(chart_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    chart_page->SetSizer(chart_sizer);
    views_->AddPage(chart_page, _("Departments"));
    book_->AddPage(views_, {}, true);
    outer->Add(book_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    SetSizer(outer);

    cycles_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const int index = cycles_->GetSelection();
        if (index >= 0) show_cycle(cycle_names_[static_cast<std::size_t>(index)]);
    });
    departments_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { apply_filter(); });
    search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { apply_filter(); });
    // A quick second click arrives as a double-click: it turns the order round too.
    const auto sort_by_header = [this](wxGridEvent& event) {
        if (event.GetRow() >= 0 || event.GetCol() < 0 || !view_) {
            event.Skip();
            return;
        }
        view_->toggle_sort(static_cast<std::size_t>(event.GetCol()));  // not Skip(): no column selection
        sync_grid(false);
    };
    grid_->Bind(wxEVT_GRID_LABEL_LEFT_CLICK, sort_by_header);
    grid_->Bind(wxEVT_GRID_LABEL_LEFT_DCLICK, sort_by_header);
    grid_->Bind(wxEVT_GRID_CELL_LEFT_DCLICK, [this](wxGridEvent& event) { open_person(static_cast<std::size_t>(event.GetRow())); });
    export_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_export(); });
}

// Scoring a large cycle takes a while: only when HR looks at the results, not on every sign-in.
void ResultsPage::activate() {
    if (activated_) return;
    activated_ = true;
    if (const auto name = fill_cycles()) show_cycle(*name);
}

std::optional<std::string> ResultsPage::fill_cycles() {
    cycles_->Clear();
    cycle_names_.clear();
    int chosen = -1;
    for (const CycleSummary& cycle : list_cycles(*session_.db)) {
        wxString label = to_wx(cycle.name);
        if (cycle.closed_at) label << " " << _("(closed)");
        cycles_->Append(label);
        cycle_names_.push_back(cycle.name);
        if (session_.cycle && session_.cycle->name == cycle.name) chosen = static_cast<int>(cycle_names_.size()) - 1;
    }
    if (chosen < 0) chosen = static_cast<int>(cycle_names_.size()) - 1;  // the newest
    if (chosen < 0) {
        count_->SetLabel(_("There is no evaluation cycle yet."));
        export_->Disable();
        departments_->Disable();
        search_->Disable();
        return std::nullopt;
    }
    cycles_->SetSelection(chosen);
    return cycle_names_[static_cast<std::size_t>(chosen)];
}

void ResultsPage::show_cycle(const std::string& name) { show_report(load_cycle_report(*session_.db, name)); }

void ResultsPage::show_report(std::shared_ptr<const CycleReport> report) {
    if (!activated_) {  // shown before the tab was: the cycle choice still needs its list
        activated_ = true;
        fill_cycles();
    }
    const std::string name = report->cycle.name;
    auto view = std::make_unique<ResultsView>(*report);
    show_list();
    // The grid forgets the old view before it goes.
    table_->set_view(nullptr);
    sync_grid(true);
    view_.reset();
    view_ = std::move(view);
    report_ = std::move(report);
    const auto at = std::find(cycle_names_.begin(), cycle_names_.end(), name);
    if (at != cycle_names_.end()) cycles_->SetSelection(static_cast<int>(at - cycle_names_.begin()));
    fill_departments();
    view_->set_search(from_wx(search_->GetValue()));
    table_->set_view(view_.get());
    sync_grid(true);
    update_chart();
    export_->Enable(!exporting_);
}

void ResultsPage::fill_departments() {
    departments_->Clear();
    department_paths_ = view_->departments();
    departments_->Append(_("All departments"));
    for (const std::string& path : department_paths_) departments_->Append(to_wx(path));
    departments_->SetSelection(0);
}

void ResultsPage::apply_filter() {
    if (!view_) return;
    const int index = departments_->GetSelection();
    view_->set_department(index > 0 ? department_paths_[static_cast<std::size_t>(index - 1)] : std::string());
    view_->set_search(from_wx(search_->GetValue()));
    sync_grid(false);
}

// Tells the grid how many rows and columns the view has now, then repaints.
void ResultsPage::sync_grid(bool columns_changed) {
    grid_->BeginBatch();
    if (columns_changed) grid_->FreezeTo(0, 0);
    const int rows = table_->GetNumberRows(), old_rows = grid_->GetNumberRows();
    if (rows < old_rows) {
        wxGridTableMessage message(table_, wxGRIDTABLE_NOTIFY_ROWS_DELETED, rows, old_rows - rows);
        grid_->ProcessTableMessage(message);
    } else if (rows > old_rows) {
        wxGridTableMessage message(table_, wxGRIDTABLE_NOTIFY_ROWS_APPENDED, rows - old_rows);
        grid_->ProcessTableMessage(message);
    }
    const int columns = table_->GetNumberCols(), old_columns = grid_->GetNumberCols();
    if (columns < old_columns) {
        wxGridTableMessage message(table_, wxGRIDTABLE_NOTIFY_COLS_DELETED, columns, old_columns - columns);
        grid_->ProcessTableMessage(message);
    } else if (columns > old_columns) {
        wxGridTableMessage message(table_, wxGRIDTABLE_NOTIFY_COLS_APPENDED, columns - old_columns);
        grid_->ProcessTableMessage(message);
    }
    if (columns_changed) {
        size_columns();
        if (columns > 2) grid_->FreezeTo(0, 2);  // 工号 and 姓名 stay in view
    }
    grid_->ClearSelection();
    if (rows > 0) grid_->GoToCell(0, std::max(0, std::min(grid_->GetGridCursorCol(), columns - 1)));
    grid_->EndBatch();
    grid_->ForceRefresh();
    update_count();
}

// Widths from the headers and the kind of value: measuring 10,000 cells would not be smooth.
void ResultsPage::size_columns() {
    if (!view_) return;
    wxClientDC dc(grid_);
    dc.SetFont(grid_->GetLabelFont());
    const std::size_t columns = std::min(view_->columns().size(), static_cast<std::size_t>(grid_->GetNumberCols()));
    for (std::size_t c = 0; c < columns; ++c) {
        const ResultsColumn& column = view_->columns()[c];
        int least = 90;
        switch (column.kind) {
        case ResultsColumn::Kind::id: least = 80; break;
        case ResultsColumn::Kind::collated: least = column.code == "department" ? 210 : column.code == "position" ? 110 : 90; break;
        case ResultsColumn::Kind::text: least = 200; break;
        case ResultsColumn::Kind::grade: least = 80; break;
        default: break;
        }
        const int header = dc.GetTextExtent(to_wx(column.header) + " ▼").GetWidth() + FromDIP(20);
        grid_->SetColSize(static_cast<int>(c), std::max(FromDIP(least), header));
    }
}

void ResultsPage::update_chart() {
    std::vector<std::pair<const DepartmentResult*, int>> order;
    for (const DepartmentResult& department : report_->results.departments) order.emplace_back(&department, 0);
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
        const auto& x = a.first->mean_total;
        const auto& y = b.first->mean_total;
        if (x.has_value() != y.has_value()) return x.has_value();
        return x && *x > *y;
    });
    std::vector<Bar> bars;
    for (const auto& [department, unused] : order)
        bars.push_back({wxString::Format(_("%s (%d people)"), to_wx(department->department), department->people),
                        department->mean_total});
    chart_->set_bars(std::move(bars));
}

void ResultsPage::update_count() {
    if (!view_) return;
    count_->SetLabel(wxString::Format(_("%zu of %zu people shown"), view_->rows(), view_->all_rows()));
}

void ResultsPage::open_person(std::size_t row) {
    if (!view_ || row >= view_->rows()) return;
    const std::size_t person = view_->person(row);
    if (book_->GetPageCount() > 1) {
        person_ = nullptr;
        book_->DeletePage(1);
    }
    person_ = new PersonPanel(book_, *report_, person, [this] { show_list(); });
    book_->AddPage(person_, {}, true);
    person_->SetSize(book_->GetClientSize());
    // Texts shown for the first time are measured again once they are on screen.
    CallAfter([this] {
        if (person_ == nullptr) return;
        for (wxWindow* child : person_->GetChildren()) child->InvalidateBestSize();
        person_->Layout();
    });
}

void ResultsPage::show_list() {
    if (book_->GetSelection() == 0) return;
    book_->ChangeSelection(0);
    if (person_ && view_)
        if (const auto row = view_->row_of_person(person_->person())) {
            grid_->GoToCell(static_cast<int>(*row), 0);
            grid_->SelectRow(static_cast<int>(*row));
        }
    grid_->SetFocus();
}

bool ResultsPage::showing_person() const { return book_->GetSelection() == 1; }

wxString ResultsPage::export_status() const { return status_->GetLabel(); }

void ResultsPage::on_export() {
    if (!report_) return;
    if (const auto job = ShowExportDialog(this, report_->cycle.name)) start_export(*job);
}

ExportProgressDialog* ResultsPage::start_export(const ExportJob& job, std::function<void()> worker_gate) {
    if (!report_ || exporting_) return nullptr;
    exporting_ = true;
    export_->Disable();
    status_->SetLabel(_("Exporting…"));
    wxWeakRef<ResultsPage> self(this);
    return StartExport(this, report_, session_.db_path, job,
                       [self](const ExportOutcome& outcome) {
                           if (self) self->export_finished(outcome);
                       },
                       std::move(worker_gate));
}

void ResultsPage::export_finished(const ExportOutcome& outcome) {
    exporting_ = false;
    export_->Enable(report_ != nullptr);
    const wxString target = to_wx(outcome.job.target.string());
    status_->SetToolTip(target);
    switch (outcome.state) {
    case ExportOutcome::State::done:
        status_->SetLabel(exports_folder(outcome.job.kind)
                              ? wxString::Format(_("Exported %zu files into %s"), outcome.files, target)
                              : wxString::Format(_("Exported: %s"), target));
        break;
    case ExportOutcome::State::cancelled:
        status_->SetLabel(_("Export cancelled: no half-written file was left."));
        break;
    case ExportOutcome::State::failed:
        status_->SetLabel(_("Export failed."));
        show_error(this, outcome.error);
        break;
    }
}

}  // namespace exemplar::gui
