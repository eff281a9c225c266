#include "core/cycle_report.h"

#include <algorithm>

#include "core/clock.h"
#include "core/cycle_scoring.h"

namespace exemplar {

std::unique_ptr<CycleReport> load_cycle_report(const Database& db, const std::string& cycle_name) {
    auto report = std::make_unique<CycleReport>();
    report->cycle = load_cycle(db, cycle_name);
    report->assignments = load_assignments(db, report->cycle);
    report->input = scoring_input(report->cycle, report->assignments);
    report->results = compute_results(report->input);

    report->self_comments.resize(report->cycle.members.size());
    Statement comments(db,
                       "SELECT ratee, comment_id, text FROM assignment_comments WHERE cycle_id = ? AND relation = 0");
    comments.bind(1, report->cycle.id);
    while (comments.step()) {
        const auto member = static_cast<std::size_t>(comments.integer(0));
        if (member < report->self_comments.size()) report->self_comments[member][comments.text(1)] = comments.text(2);
    }

    ReportData& data = report->data;
    data.cycle = &report->cycle;
    data.input = &report->input;
    data.results = &report->results;
    data.generated_at = local_time_text();
    for (const StoredAssignment& a : report->assignments.assignments) {
        ++data.assignments;
        if (a.status == AssignmentStatus::submitted) ++data.submitted_assignments;
        data.answers += static_cast<std::size_t>(std::count_if(a.answers.begin(), a.answers.end(), [](AnswerCode c) { return c != unanswered; }));
    }
    return report;
}

}  // namespace exemplar
