// The one window of the app: a menu bar (File, View) over the current page
// (sign-in, tasks, self-review/head evaluation, ballot, HR). It owns the
// Session; pages get references to it and to the frame as their Navigator.
#pragma once

#include <filesystem>
#include <optional>

#include <wx/frame.h>

#include "gui/navigator.h"
#include "gui/session.h"

class wxPanel;

namespace exemplar::gui {

enum class Page { sign_in, tasks, evaluation, ballot, hr };

class MainFrame : public wxFrame, public Navigator {
public:
    // Opens (creating and migrating when missing) the database at `db_path`.
    explicit MainFrame(const std::filesystem::path& db_path);

    Session& session() { return session_; }
    Page page() const { return page_kind_; }
    wxWindow* page_window() const { return page_; }

    void show_sign_in() override;
    void show_tasks() override;
    void open_task(const Task& task) override;
    void show_hr() override;
    void sign_out() override;

    // Opens another database file (Mode::create or existing) and returns to sign-in.
    void open_database(const std::filesystem::path& path, bool create);
    // Rebuilds menus and the current page (after a language or text-size change).
    void rebuild();

private:
    void build_menus();
    void switch_to(Page page, std::optional<Task> task = std::nullopt);
    void build_page();
    void on_new(wxCommandEvent&);
    void on_open(wxCommandEvent&);

    Session session_;
    Page page_kind_ = Page::sign_in;
    std::optional<Task> task_;
    wxWindow* page_ = nullptr;
};

}  // namespace exemplar::gui
