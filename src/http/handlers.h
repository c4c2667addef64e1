// The request handlers routes.cc lists. Each parses the request, calls one function, and
// renders; errors go through StatusPage / ErrorPage (page.h).
#pragma once

#include "http/app.h"
#include "http/response.h"

namespace gongkai::http {

// Site-wide (site_handlers.cc).
Response ServeStatic(Call& call);  // GET /static/{path}
Response SetTextSize(Call& call);  // GET /settings/text-size?size=large|normal&back=/path
Response Robots(Call& call);       // GET /robots.txt

namespace portal {

Response Home(Call& call);        // GET /                          (home.cc)
Response AgencyHome(Call& call);  // GET /agencies/{slug}/          (home.cc)
Response Guide(Call& call);       // GET /agencies/{slug}/guide     (home.cc)
Response Rules(Call& call);       // GET /agencies/{slug}/rules     (home.cc)
Response Catalog(Call& call);     // GET /agencies/{slug}/catalog   (catalog.cc)
Response Item(Call& call);        // GET /agencies/{slug}/items/{key} (catalog.cc)
Response Reports(Call& call);     // GET /agencies/{slug}/reports/  (reports.cc)
Response ReportFile(Call& call);  // GET /agencies/{slug}/reports/{year}.{html|pdf|xlsx}
Response AgencyFeed(Call& call);  // GET /agencies/{slug}/feed.atom (feeds.cc)
Response Sitemap(Call& call);     // GET /sitemap.xml               (feeds.cc)
// Public forms and search (engineer P).
Response ApplyForm(Call& call);       // GET  /agencies/{slug}/apply        (apply.cc)
Response Apply(Call& call);           // POST /agencies/{slug}/apply → receipt
Response TrackForm(Call& call);       // GET  /track                        (track.cc)
Response TrackPost(Call& call);       // POST /track (code + secret) → the application
Response TrackNoticePdf(Call& call);  // POST /track/notices/{id}.pdf (code + secret)
Response TrackFile(Call& call);       // POST /track/files/{id}       (code + secret)
Response ItemAttachment(Call& call);  // GET  /agencies/{slug}/attachments/{id} (files.cc)
Response Search(Call& call);          // GET  /search?q=&agency=&topic=&sort=&page= (search.cc)

}  // namespace portal

namespace console {

Response LoginForm(Call& call);  // GET  /console/login?next=…     (console/session.cc)
Response Login(Call& call);      // POST /console/login
Response Logout(Call& call);     // POST /console/logout
// Catalog, guide, audit and report check (engineer K). {a} = /console/agencies/{slug}.
Response CatalogAgencies(Call& call);  // GET  /console/catalog → the agencies one may read
Response CatalogItems(Call& call);     // GET  {a}/catalog?page=     (console/catalog.cc)
Response NewItemForm(Call& call);      // GET  {a}/catalog/new
Response CreateItem(Call& call);       // POST {a}/catalog/new
Response EditItemForm(Call& call);     // GET  {a}/catalog/{id}/edit (the item's page)
Response UpdateItem(Call& call);       // POST {a}/catalog/{id}/edit
Response PublishItem(Call& call);      // POST {a}/catalog/{id}/publish
Response WithdrawItem(Call& call);     // POST {a}/catalog/{id}/withdraw
Response UploadItemFile(Call& call);   // POST {a}/catalog/{id}/files (multipart)
Response ItemFile(Call& call);         // GET  {a}/catalog/{id}/files/{file_id}
Response GuideForm(Call& call);        // GET  {a}/guide              (console/guide.cc)
Response PublishGuide(Call& call);     // POST {a}/guide
Response AuditAgencies(Call& call);    // GET  /console/audit         (console/audit.cc)
Response AuditLog(Call& call);         // GET  {a}/audit?before=
Response CheckForm(Call& call);        // GET  /console/check         (console/check.cc)
Response CheckUpload(Call& call);      // POST /console/check (multipart) → findings

}  // namespace console
}  // namespace gongkai::http
