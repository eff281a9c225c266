// The HR pages: the roster import with its preview (refused with located
// problems, or imported), adding a person, creating and closing a cycle
// through the dialogs, the progress view with its reminders, and issuing
// access codes to a slips file — each checked in the database or the file.
#include "gui_fixture.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/clipbrd.h>
#include <wx/combobox.h>
#include <wx/dataobj.h>
#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "core/admin_password.h"
#include "core/cycle_store.h"
#include "core/questionnaire_writer.h"
#include "core/roster.h"
#include "gui/compat.h"
#include "support/office.h"
#include "gui/hr_cycles_page.h"
#include "gui/hr_panel.h"
#include "gui/hr_plans_page.h"
#include "gui/hr_roster_page.h"

namespace exemplar::gui::testing {
namespace {

const std::string password = "人事处 2026 密码";

class GuiHr : public GuiTest {
protected:
    // Signs in as HR through the sign-in page's button and the password dialog.
    HrPanel* open_hr() {
        {
            Database db = Database::open(db_path, Database::Mode::existing);
            set_admin_password(db, password);
        }
        dialogs.steps.push_back([](wxDialog* dialog) {
            dynamic_cast<wxTextCtrl*>(dialog->FindWindow("password"))->SetValue(to_wx(password));
            return wxID_OK;
        });
        click(find<wxWindow>("hr"));
        EXPECT_TRUE(wait_for([&] { return frame->page() == Page::hr; }));
        pump(300);  // GTK places the notebook's pages a moment later
        return dynamic_cast<HrPanel*>(frame->page_window());
    }
    HrRosterPage* open_roster() {
        HrPanel* panel = open_hr();
        if (panel == nullptr) return nullptr;
        panel->tabs()->SetSelection(1);
        pump(50);
        return panel->roster_page();
    }
    static void set_text(wxDialog* dialog, const char* name, const std::string& value) {
        auto* field = dynamic_cast<wxTextCtrl*>(dialog->FindWindow(name));
        ASSERT_NE(field, nullptr) << name;
        field->SetValue(to_wx(value));
    }
    // Marks `rater`'s tasks with `status` (the first `limit` of them; all when -1).
    void set_status(const std::string& rater, AssignmentStatus status, int limit = -1) {
        Database db = Database::open(db_path, Database::Mode::existing);
        exemplar::testing::set_rater_status(db, cycle, member(rater), status, limit);
    }
    std::size_t people_in_db() const { return load_people(check_db()).size(); }
};

TEST_F(GuiHr, RosterFileWithErrorsIsRefusedInThePreview) {
    HrRosterPage* page = open_roster();
    ASSERT_NE(page, nullptr);
    EXPECT_EQ(find<wxListCtrl>("roster")->GetItemCount(), 9);
    const auto file = dir.write("bad.csv",
                                "工号,姓名,部门,负责人\n"
                                "A10,钱八,行署办公室/综合科,否\n"
                                "A11,,行署办公室/综合科,否\n"
                                "A10,重复,行署办公室,否\n"
                                "A12,冯九,行署办公室/秘书科,是\n");
    bool checked = false;
    dialogs.steps.push_back([&](wxDialog* dialog) {
        auto* problems = dynamic_cast<wxListCtrl*>(dialog->FindWindow("preview_problems"));
        auto* import_button = dynamic_cast<wxButton*>(dialog->FindWindow("import"));
        auto* rows = dynamic_cast<wxListCtrl*>(dialog->FindWindow("preview_rows"));
        EXPECT_NE(problems, nullptr);
        EXPECT_NE(import_button, nullptr);
        EXPECT_NE(rows, nullptr);
        if (!problems || !import_button || !rows) return wxID_CANCEL;
        EXPECT_EQ(problems->GetItemCount(), 3);
        EXPECT_EQ(from_wx(problems->GetItemText(0, 0)), "bad.csv:3:2");  // the empty name
        EXPECT_EQ(from_wx(problems->GetItemText(1, 0)), "bad.csv:4:1");  // the repeated 工号
        EXPECT_EQ(from_wx(problems->GetItemText(2, 0)), "bad.csv:5:4");  // a second head of 秘书科
        EXPECT_FALSE(from_wx(problems->GetItemText(2, 1)).empty());
        EXPECT_EQ(rows->GetItemCount(), 4);
        EXPECT_FALSE(import_button->IsEnabled());
        checked = true;
        return wxID_OK;  // even if Import were pressed, nothing may be imported
    });
    EXPECT_FALSE(page->import_file(file));
    EXPECT_TRUE(checked);
    EXPECT_EQ(people_in_db(), 9u);
    EXPECT_EQ(find<wxListCtrl>("roster")->GetItemCount(), 9);
}

TEST_F(GuiHr, GoodRosterFileIsImportedAfterThePreview) {
    HrRosterPage* page = open_roster();
    ASSERT_NE(page, nullptr);
    const auto file = dir.write("more.csv",
                                "工号,姓名,部门,职务\n"
                                "A10,钱八,行署办公室/综合科,科员\n"
                                "A11,冯九,行署办公室/信息科,科员\n"
                                "A03,张一,行署办公室/秘书科,副科长\n");
    dialogs.steps.push_back([](wxDialog* dialog) {
        auto* rows = dynamic_cast<wxListCtrl*>(dialog->FindWindow("preview_rows"));
        auto* problems = dynamic_cast<wxListCtrl*>(dialog->FindWindow("preview_problems"));
        auto* import_button = dynamic_cast<wxButton*>(dialog->FindWindow("import"));
        EXPECT_TRUE(rows && problems && import_button);
        if (!rows || !problems || !import_button) return wxID_CANCEL;
        EXPECT_EQ(rows->GetItemCount(), 3);
        EXPECT_EQ(problems->GetItemCount(), 0);
        EXPECT_EQ(rows->GetItemText(0, 1), wxString::FromUTF8("新增"));
        EXPECT_EQ(rows->GetItemText(2, 1), wxString::FromUTF8("更新"));
        EXPECT_TRUE(import_button->IsEnabled());
        return wxID_OK;
    });
    EXPECT_TRUE(page->import_file(file));
    const std::vector<Person> people = load_people(check_db());
    ASSERT_EQ(people.size(), 11u);
    const auto by_code = [&](const std::string& code) {
        for (const Person& p : people)
            if (p.code == code) return p;
        return Person{};
    };
    EXPECT_EQ(by_code("A10").name, "钱八");
    EXPECT_EQ(by_code("A11").department, "行署办公室/信息科");
    EXPECT_EQ(by_code("A03").position, "副科长");
    EXPECT_EQ(find<wxListCtrl>("roster")->GetItemCount(), 11);
    // Ordered by department, then name: 行署办公室 first.
    EXPECT_EQ(page->people().front().department, "行署办公室");
    screenshot("hr-roster");
}

TEST_F(GuiHr, PersonAddedEditedAndDeactivated) {
    HrRosterPage* page = open_roster();
    ASSERT_NE(page, nullptr);
    // A second head for 秘书科 is refused (an error dialog), then corrected.
    dialogs.steps.push_back([](wxDialog* dialog) {
        set_text(dialog, "person_code", "A10");
        set_text(dialog, "person_name", "钱八");
        dynamic_cast<wxComboBox*>(dialog->FindWindow("person_department"))->SetValue(wxString::FromUTF8("行署办公室/秘书科"));
        dynamic_cast<wxCheckBox*>(dialog->FindWindow("person_head"))->SetValue(true);
        dynamic_cast<wxCheckBox*>(dialog->FindWindow("person_active"))->SetValue(true);
        return wxID_OK;
    });
    std::string refusal;
    dialogs.steps.push_back([&](wxDialog* dialog) {
        refusal = from_wx(dynamic_cast<wxMessageDialogBase*>(dialog)->GetMessage());
        return wxID_OK;
    });
    dialogs.steps.push_back([](wxDialog* dialog) {
        dynamic_cast<wxCheckBox*>(dialog->FindWindow("person_head"))->SetValue(false);
        return wxID_OK;
    });
    EXPECT_TRUE(page->add());
    EXPECT_NE(refusal.find("李科长"), std::string::npos) << refusal;
    EXPECT_EQ(people_in_db(), 10u);
    const auto row = page->selected();
    ASSERT_TRUE(row.has_value());
    EXPECT_EQ(page->people()[*row].code, "A10");

    dialogs.steps.push_back([](wxDialog* dialog) {
        set_text(dialog, "person_position", "科员");
        return wxID_OK;
    });
    EXPECT_TRUE(page->edit(*row));
    dialogs.steps.push_back([](wxDialog*) { return wxID_YES; });
    EXPECT_TRUE(page->deactivate(*page->selected()));
    for (const Person& p : load_people(check_db()))
        if (p.code == "A10") {
            EXPECT_EQ(p.position, "科员");
            EXPECT_FALSE(p.active);
        }
}

TEST_F(GuiHr, CycleCreatedThroughTheDialogAndClosed) {
    HrPanel* panel = open_hr();
    ASSERT_NE(panel, nullptr);
    EXPECT_EQ(find<wxListCtrl>("cycles")->GetItemCount(), 1);
    // A deadline that is no date is refused with a dialog; the form comes back.
    dialogs.steps.push_back([](wxDialog* dialog) {
        auto* plan = dynamic_cast<wxTextCtrl*>(dialog->FindWindow("plan_file"));
        EXPECT_TRUE(plan && from_wx(plan->GetValue()).ends_with("plans/annual.yaml"));
        set_text(dialog, "cycle_name", "2027年度");
        set_text(dialog, "unit_name", "行署办公室");
        set_text(dialog, "deadline", "2027-13-45");
        return wxID_OK;
    });
    dialogs.steps.push_back([](wxDialog*) { return wxID_OK; });  // the error dialog
    dialogs.steps.push_back([](wxDialog* dialog) {
        set_text(dialog, "deadline", "2027-12-31");
        return wxID_OK;
    });
    click(find<wxWindow>("new_cycle"));
    ASSERT_TRUE(wait_for([&] { return dialogs.shown == 4; })) << dialogs.shown;  // password + the three steps
    pump(50);
    {
        const Cycle created = load_cycle(check_db(), "2027年度");
        EXPECT_EQ(created.unit_name, "行署办公室");
        EXPECT_EQ(created.deadline, "2027-12-31");
        EXPECT_EQ(created.members.size(), 8u);
    }
    EXPECT_EQ(find<wxListCtrl>("cycles")->GetItemCount(), 2);
    EXPECT_EQ(panel->cycles_page()->selected_cycle(), "2027年度");

    dialogs.steps.push_back([](wxDialog*) { return wxID_YES; });
    click(find<wxWindow>("close_cycle"));
    ASSERT_TRUE(wait_for([&] { return dialogs.shown == 5; }));
    pump(50);
    EXPECT_TRUE(load_cycle(check_db(), "2027年度").closed());
    EXPECT_FALSE(load_cycle(check_db(), "2026年度").closed());
    EXPECT_FALSE(find<wxButton>("close_cycle")->IsEnabled());
}

TEST_F(GuiHr, ProgressPerDepartmentAndPersonWithReminders) {
    set_status("A03", AssignmentStatus::submitted);
    set_status("A04", AssignmentStatus::draft, 1);
    HrPanel* panel = open_hr();
    ASSERT_NE(panel, nullptr);
    HrCyclesPage* page = panel->cycles_page();
    EXPECT_EQ(page->selected_cycle(), "2026年度");
    const CycleProgress& progress = page->progress();
    auto* departments = find<wxListCtrl>("department_progress");
    auto* people = find<wxListCtrl>("person_progress");
    ASSERT_TRUE(departments && people);
    EXPECT_EQ(departments->GetItemCount(), 3);
    EXPECT_EQ(people->GetItemCount(), 8);
    int submitted = 0;
    for (long row = 0; row < departments->GetItemCount(); ++row) submitted += wxAtoi(departments->GetItemText(row, 3));
    EXPECT_GT(submitted, 0);
    EXPECT_EQ(submitted, progress.submitted);
    EXPECT_EQ(progress.draft, 1);
    for (long row = 0; row < people->GetItemCount(); ++row) {
        if (people->GetItemText(row, 1) == "A03") {
            EXPECT_EQ(people->GetItemText(row, 3), "0");
            EXPECT_EQ(wxAtoi(people->GetItemText(row, 5)), submitted);
        }
        if (people->GetItemText(row, 1) == "A04") {
            EXPECT_EQ(people->GetItemText(row, 4), "1");
        }
    }
    const std::string reminders = from_wx(find<wxTextCtrl>("reminders")->GetValue());
    EXPECT_EQ(std::count(reminders.begin(), reminders.end(), '\n'), 7);  // everyone but 张一
    EXPECT_EQ(reminders.find("A03"), std::string::npos);
    EXPECT_NE(reminders.find("赵二（A04）"), std::string::npos) << reminders;
    EXPECT_NE(from_wx(find<wxStaticText>("progress_summary")->GetLabel()).find("2026年度"), std::string::npos);
    screenshot("hr-progress");

    click(find<wxWindow>("copy_reminders"));
    if (wxTheClipboard->Open()) {
        wxTextDataObject data;
        if (wxTheClipboard->GetData(data)) {
            EXPECT_EQ(from_wx(data.GetText()), reminders);
        }
        wxTheClipboard->Close();
    }
}

TEST_F(GuiHr, IssuingAccessCodesWritesTheSlips) {
    HrPanel* panel = open_hr();
    ASSERT_NE(panel, nullptr);
    const std::filesystem::path slips = dir.path() / "slips.xlsx";
    EXPECT_EQ(panel->cycles_page()->issue_codes_to(slips), 8u);
    ASSERT_TRUE(std::filesystem::exists(slips));
    EXPECT_GT(std::filesystem::file_size(slips), 1000u);
    EXPECT_EQ(exemplar::testing::read_file(slips).substr(0, 2), "PK");
    const Database db = check_db();
    EXPECT_EQ(access_code_count(db, cycle), 8u);
    EXPECT_FALSE(check_access_code(db, cycle, member("A03"), code_of("A03")));  // the old code no longer works

    // The button asks first; "No" issues nothing.
    dialogs.steps.push_back([](wxDialog*) { return wxID_NO; });
    click(find<wxWindow>("issue_codes"));
    ASSERT_TRUE(wait_for([&] { return dialogs.shown == 2; })) << dialogs.shown;
}

TEST_F(GuiHr, ReturnedFilesAreImportedWithALinePerFile) {
    HrPanel* panel = open_hr();
    ASSERT_NE(panel, nullptr);
    // A questionnaire as the core writes it, an answer file, and a file with a mistake.
    const std::filesystem::path folder = dir.path() / "returned";
    {
        const Database db = check_db();
        write_questionnaires(db, cycle, folder, member("A03"));
    }
    const std::filesystem::path questionnaire = folder / "A03-张一-测评表.xlsx";
    ASSERT_TRUE(std::filesystem::exists(questionnaire));
    const auto good = dir.write("answers.csv", "评价人工号,被评价人工号,关系,题号,答案\nA04,A03,同事,B1,优秀\nA05,A03,同事,B1,称职\n");
    const auto bad = dir.write("bad.csv", "评价人工号,被评价人工号,关系,题号,答案\nA04,A05,同事,B1,很好\n");
    const auto lines = panel->cycles_page()->import_answer_files({questionnaire, good, bad});
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_NE(from_wx(lines[0]).find("A03"), std::string::npos) << from_wx(lines[0]);  // the questionnaire's rater
    EXPECT_NE(from_wx(lines[1]).find("answers.csv"), std::string::npos);
    EXPECT_NE(from_wx(lines[2]).find("bad.csv:2:5"), std::string::npos) << from_wx(lines[2]);
    const Database db = check_db();
    const AssignmentSet set = load_assignments(db, cycle);
    int answered_b1 = 0;
    for (const StoredAssignment& a : set.assignments)
        if (a.relation == Relation::peer && a.ratee == member("A03") && !a.answers.empty() && a.answers[0] != unanswered) ++answered_b1;
    EXPECT_EQ(answered_b1, 2);  // the good file landed
    for (const StoredAssignment& a : set.assignments) {
        if (a.relation == Relation::peer && a.ratee == member("A05")) {
            EXPECT_EQ(a.answers[0], unanswered);  // the bad one did not
        }
    }
}

TEST_F(GuiHr, PlansAndFormsAreCheckedAndShown) {
    HrPanel* panel = open_hr();
    ASSERT_NE(panel, nullptr);
    auto* page = dynamic_cast<HrPlansPage*>(find<wxWindow>("plans_page"));
    ASSERT_NE(page, nullptr);
    // Nothing is read before the tab is looked at; then the first bundled file is shown.
    EXPECT_TRUE(page->shown_text().empty());
    panel->tabs()->SetSelection(static_cast<std::size_t>(panel->tabs()->FindPage(page)));
    EXPECT_NE(from_wx(page->shown_text()).find(".yaml"), std::string::npos) << from_wx(page->shown_text());
    EXPECT_TRUE(page->show_file(EXEMPLAR_SOURCE_DIR "/forms/five-exemplars.yaml"));
    const std::string form = from_wx(page->shown_text());
    EXPECT_NE(form.find("L1"), std::string::npos);
    EXPECT_NE(form.find("绝对忠诚"), std::string::npos);
    EXPECT_TRUE(page->show_file(EXEMPLAR_SOURCE_DIR "/templates/plans/annual.yaml"));
    EXPECT_NE(from_wx(page->shown_text()).find("five-exemplars-ballot"), std::string::npos);
    const auto broken = dir.write("broken.yaml", "form: x\nversion: 1\ntitle: t\nscales: {}\ndimensions: []\nextra: 1\n");
    EXPECT_FALSE(page->show_file(broken));
    EXPECT_NE(from_wx(page->shown_text()).find(broken.string() + ":6:1"), std::string::npos) << from_wx(page->shown_text());
}

}  // namespace
}  // namespace exemplar::gui::testing
