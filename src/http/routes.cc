// Every URL of gongkai's web front door. Route parameters (router.h): ":name" matches one path
// segment, ":name(\\d+)" one segment of digits, ":name(.+)" the rest of the path (slashes
// included, as 索引号 contain one).
// Parameters and query values reach handlers percent-decoded and checked as UTF-8 (server.cc);
// a trailing slash is optional on every pattern. A final `true` marks a GET route that may take
// long (Route::slow): it runs on the blocking pool, as every POST does.
#include "http/routes.h"

#include "http/console/case_pages.h"
#include "http/handlers.h"

namespace gongkai::http {

const std::vector<Route>& Routes() {
  static const std::vector<Route> kRoutes = {
      // Public portal (portal/).
      {"GET", "/", portal::Home, "home"},
      {"GET", "/agencies/:slug", portal::AgencyHome, "agency"},
      {"GET", "/agencies/:slug/guide", portal::Guide, "guide"},
      {"GET", "/agencies/:slug/rules", portal::Rules, "rules"},
      {"GET", "/agencies/:slug/catalog", portal::Catalog, "catalog"},
      {"GET", "/agencies/:slug/items/:key(.+)", portal::Item, "item"},
      {"GET", "/agencies/:slug/reports", portal::Reports, "reports"},
      {"GET", "/agencies/:slug/reports/:file", portal::ReportFile, "report_file", true},
      {"GET", "/agencies/:slug/feed.atom", portal::AgencyFeed, "feed", true},
      {"GET", "/sitemap.xml", portal::Sitemap, "sitemap", true},
      {"GET", "/agencies/:slug/attachments/:id", portal::ItemAttachment, "attachment", true},
      {"GET", "/agencies/:slug/apply", portal::ApplyForm, "apply"},
      {"POST", "/agencies/:slug/apply", portal::Apply, "apply_post"},
      {"GET", "/track", portal::TrackForm, "track"},
      {"POST", "/track", portal::TrackPost, "track_post"},
      {"POST", "/track/notices/:file", portal::TrackNoticePdf, "track_notice_pdf"},
      {"POST", "/track/files/:id", portal::TrackFile, "track_file"},
      {"GET", "/search", portal::Search, "search", true},
      // Officer console (console/).
      {"GET", "/console/login", console::LoginForm, "console_login"},
      {"POST", "/console/login", console::Login, "console_login_post"},
      {"POST", "/console/logout", console::Logout, "console_logout"},
      // Case work (console/dashboard.cc, applications.cc, cases.cc, notices.cc).
      {"GET", "/console/", console::Dashboard, "console_dashboard"},
      {"GET", "/console/applications", console::Applications, "console_applications"},
      {"GET", "/console/applications/new", console::RegisterAgencies, "console_register_agencies"},
      {"GET", "/console/agencies/:slug/applications/new", console::RegisterForm,
       "console_register"},
      {"POST", "/console/agencies/:slug/applications/new", console::Register,
       "console_register_post"},
      {"GET", "/console/agencies/:slug/applications/:id(\\d+)", console::CasePage, "console_case"},
      {"POST", "/console/agencies/:slug/applications/:id(\\d+)/:action", console::CaseAction,
       "console_case_action"},
      {"GET", "/console/agencies/:slug/applications/:id(\\d+)/notices/:notice",
       console::CaseNotice, "console_case_notice", true},
      {"GET", "/console/agencies/:slug/applications/:id(\\d+)/files/:file_id",
       console::CaseFileDownload, "console_case_file", true},
      {"GET", "/console/catalog", console::CatalogAgencies, "console_catalog_agencies"},
      {"GET", "/console/agencies/:slug/catalog", console::CatalogItems, "console_catalog"},
      {"GET", "/console/agencies/:slug/catalog/new", console::NewItemForm, "console_item_new"},
      {"POST", "/console/agencies/:slug/catalog/new", console::CreateItem, "console_item_create"},
      {"GET", "/console/agencies/:slug/catalog/:id/edit", console::EditItemForm,
       "console_item"},
      {"POST", "/console/agencies/:slug/catalog/:id/edit", console::UpdateItem,
       "console_item_update"},
      {"POST", "/console/agencies/:slug/catalog/:id/publish", console::PublishItem,
       "console_item_publish"},
      {"POST", "/console/agencies/:slug/catalog/:id/withdraw", console::WithdrawItem,
       "console_item_withdraw"},
      {"POST", "/console/agencies/:slug/catalog/:id/files", console::UploadItemFile,
       "console_item_upload"},
      {"GET", "/console/agencies/:slug/catalog/:id/files/:file_id", console::ItemFile,
       "console_item_file", true},
      {"GET", "/console/agencies/:slug/guide", console::GuideForm, "console_guide"},
      {"POST", "/console/agencies/:slug/guide", console::PublishGuide, "console_guide_post"},
      {"GET", "/console/audit", console::AuditAgencies, "console_audit_agencies"},
      {"GET", "/console/agencies/:slug/audit", console::AuditLog, "console_audit"},
      {"GET", "/console/check", console::CheckForm, "console_check"},
      {"POST", "/console/check", console::CheckUpload, "console_check_post"},
      // Site-wide.
      {"GET", "/robots.txt", Robots, "robots"},
      {"GET", "/settings/text-size", SetTextSize, "text_size"},
      {"GET", "/static/:path(.+)", ServeStatic, "static"},
  };
  return kRoutes;
}

}  // namespace gongkai::http
