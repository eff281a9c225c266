// A temp office database (roster, the 2026年度 cycle under the annual plan,
// access codes) and the real main frame over it, with helpers that drive it
// as a user would: wxUIActionSimulator clicks and keys, waiting for the
// expected state. Modal dialogs are answered by a script (wxModalDialogHook).
#pragma once

#include <deque>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <wx/modalhook.h>
#include <wx/uiaction.h>

#include "core/access_codes.h"
#include "core/cycle.h"
#include "core/database.h"
#include "gui/main_frame.h"
#include "gui/results_page.h"
#include "support/temp_dir.h"

class wxDialog;

namespace exemplar::gui::testing {

// Answers modal dialogs in order; each step gets the dialog (its fields can
// be filled) and returns the button pressed. Dialogs past the script are
// recorded and cancelled.
class DialogScript : public wxModalDialogHook {
public:
    using Step = std::function<int(wxDialog*)>;
    std::deque<Step> steps;
    std::vector<std::string> unexpected;  // titles and messages of unscripted dialogs
    int shown = 0;

protected:
    int Enter(wxDialog* dialog) override;
    void Exit(wxDialog*) override {}
};

class GuiTest : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

    // Processes events for `ms` milliseconds.
    static void pump(int ms = 30);
    // Pumps until `done` is true (false after the timeout).
    static bool wait_for(const std::function<bool()>& done, int timeout_ms = 4000);
    template <class T>
    T* find(const char* name) const {
        return dynamic_cast<T*>(wxWindow::FindWindowByName(name, frame));
    }
    void click(wxWindow* window);
    void key(int keycode, int modifiers = wxMOD_NONE);
    void type(const std::string& ascii);

    std::size_t member(const std::string& code) const;
    std::string code_of(const std::string& staff_code) const;
    // Through the sign-in page: search the 工号, type the code, Enter.
    void sign_in(const std::string& staff_code, const std::string& access_code);
    // HR sign-in with the administrator password, then the results tab brought
    // to the front; nullptr when there is no results page.
    ResultsPage* open_results_tab(const std::string& password);
    // A second connection to check what the app stored.
    Database check_db() const;
    // Saves the frame's picture as `name`.png in the build tree's screenshots folder.
    void screenshot(const std::string& name) const;

    exemplar::testing::TempDir dir;
    std::filesystem::path db_path;
    Cycle cycle;
    std::vector<IssuedCode> codes;
    MainFrame* frame = nullptr;
    DialogScript dialogs;
    wxUIActionSimulator sim;
};

}  // namespace exemplar::gui::testing
