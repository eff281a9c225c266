// The HR results tab: a cycle's results (core/cycle_report.h) in a virtual
// grid of the HR导入 columns — sort by clicking a header, filter by
// department, search by name or 工号 — a bar chart of the departments' mean
// totals, a person's page on double-click, and the exports.
// Window names for tests: "results_page", "results_cycle", "results_department",
// "results_search", "results_count", "results_grid", "department_chart",
// "export", "export_status".
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <wx/panel.h>

#include "core/cycle_report.h"
#include "gui/export_dialog.h"
#include "gui/results_view.h"
#include "gui/session.h"

class wxButton;
class wxChoice;
class wxGrid;
class wxNotebook;
class wxSearchCtrl;
class wxSimplebook;
class wxStaticText;

namespace exemplar::gui {

class BarChart;
class PersonPanel;
class ResultsGridTable;

class ResultsPage : public wxPanel {
public:
    // Builds the widgets only: nothing is loaded or scored until activate().
    ResultsPage(wxWindow* parent, Session& session);

    // The first time the tab is shown (HrPanel calls this): lists the cycles
    // and shows the chosen one's results. Later calls do nothing.
    void activate();
    // Loads and shows a cycle's results (the cycle choice does this).
    void show_cycle(const std::string& name);
    // Shows results already loaded (show_cycle loads them from the database).
    void show_report(std::shared_ptr<const CycleReport> report);
    // The person shown in a grid row, on their own page; back to the list.
    void open_person(std::size_t row);
    void show_list();
    // Starts an export of the shown cycle (the Export button asks first).
    ExportProgressDialog* start_export(const ExportJob& job, std::function<void()> worker_gate = {});

    const ResultsView* view() const { return view_.get(); }
    std::shared_ptr<const CycleReport> report() const { return report_; }
    wxGrid* grid() const { return grid_; }
    BarChart* chart() const { return chart_; }
    wxNotebook* views() const { return views_; }
    PersonPanel* person_panel() const { return person_; }
    bool showing_person() const;
    wxString export_status() const;
    bool exporting() const { return exporting_; }

private:
    // Lists the cycles in the choice; the one to show first (nullopt when there is none).
    std::optional<std::string> fill_cycles();
    void fill_departments();
    void apply_filter();
    void sync_grid(bool columns_changed);
    void size_columns();
    void update_chart();
    void update_count();
    void on_export();
    void export_finished(const ExportOutcome& outcome);

    Session& session_;
    std::shared_ptr<const CycleReport> report_;
    std::unique_ptr<ResultsView> view_;
    std::vector<std::string> cycle_names_;
    std::vector<std::string> department_paths_;
    wxChoice* cycles_ = nullptr;
    wxChoice* departments_ = nullptr;
    wxSearchCtrl* search_ = nullptr;
    wxStaticText* count_ = nullptr;
    wxStaticText* status_ = nullptr;
    wxButton* export_ = nullptr;
    wxSimplebook* book_ = nullptr;
    wxNotebook* views_ = nullptr;
    wxGrid* grid_ = nullptr;
    ResultsGridTable* table_ = nullptr;  // owned by grid_
    BarChart* chart_ = nullptr;
    PersonPanel* person_ = nullptr;
    bool exporting_ = false;
    bool activated_ = false;  // cycles listed and results shown (activate or show_report)
};

}  // namespace exemplar::gui
