package api

import (
	"bytes"
	"cmp"
	_ "embed"
	"fmt"
	"html/template"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/plancast/plancast"
)

//go:embed templates/unauthorized.html
var unauthorizedHTML string

var unauthorizedTemplate = template.Must(template.New("unauthorized").Funcs(templateFuncs).Parse(unauthorizedHTML))

// browserUnauthorized answers a browser that requireRead refused with a
// small page saying that a read token is needed and how to send it, with a
// form that signs it in and sends it back to the address it asked for: a
// browser shows a JSON error body as raw text, which tells a planner
// nothing. It guards the dashboard and every read route, so that a chart
// link or a download opened in a browser is answered so too. A client that
// is not navigating a browser to the address (curl's */*, an API client's
// application/json, no Accept at all, a page's image or fetch) gets the JSON
// error every read route answers, unchanged.
func (s *Server) browserUnauthorized(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		err := next(c)
		if err == nil || plancast.ErrorCode(err) != plancast.EUNAUTHORIZED || !browserNavigation(c.Request()) {
			return err
		}
		return s.unauthorizedPage(c, err, readSecret(c) != "")
	}
}

// browserNavigation reports whether a request is a browser opening the
// address as a page (typed in, a link followed, a bookmark): a GET whose
// Accept ranks HTML above JSON, or that says it navigates
// (Sec-Fetch-Mode: navigate, which browsers send and API clients do not).
// A browser loading a chart into a page's <img> sends neither
// (Sec-Fetch-Mode: no-cors, Accept image/...,*/*): a page there would be
// a broken image all the same.
func browserNavigation(r *http.Request) bool {
	return r.Method == http.MethodGet && (prefersHTML(r.Header.Get(echo.HeaderAccept)) || r.Header.Get("Sec-Fetch-Mode") == "navigate")
}

// unauthorizedPage answers 401 with the page that says a read token is
// needed, how to send it and where to type it (postSignIn); sent says a
// token was sent and refused, and err why (not recognised, or revoked on a
// date), as the JSON error does. The form carries the address to go back
// to after signing in: the one asked for, or, when the sign-in itself was
// refused, the one it was to go back to.
func (s *Server) unauthorizedPage(c echo.Context, err error, sent bool) error {
	page := struct {
		Lang, Refused, Next string
		OtherLang           string // the dashboard's address in the other language; empty on another route
	}{Lang: "en"}
	if c.QueryParam("lang") == "zh" || c.FormValue("lang") == "zh" {
		page.Lang = "zh"
	}
	if sent {
		page.Refused = plancast.ErrorMessage(err)
	}
	page.Next = c.Request().URL.RequestURI()
	if c.Request().Method == http.MethodPost {
		page.Next = c.FormValue("next")
	}
	if !localPath(page.Next) {
		page.Next = ""
	}
	// Only the dashboard's page offers the other language: it is the
	// dashboard's own lang=, while on another route a link adding lang=
	// could add a parameter the route does not take (/api/v1/regions),
	// refused once signed in. There the page is in the lang= asked for.
	// The link is the dashboard's address, region and all, not a relative
	// ?lang=, which on the page a refused sign-in answers is /signin's.
	if u, _ := url.Parse(cmp.Or(page.Next, "/")); u != nil && u.Path == "/" {
		q := u.Query()
		q.Set("lang", map[string]string{"en": "zh", "zh": "en"}[page.Lang])
		u.RawQuery = q.Encode()
		page.OtherLang = u.RequestURI()
	}
	var buf bytes.Buffer
	if err := unauthorizedTemplate.Execute(&buf, page); err != nil {
		return fmt.Errorf("render the read token page: %w", err)
	}
	c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="plancast"`)
	c.Response().Header().Set(echo.HeaderCacheControl, "no-store")
	return c.HTMLBlob(http.StatusUnauthorized, buf.Bytes())
}

// prefersHTML reports whether an Accept header ranks HTML above JSON: a
// browser opening a page sends text/html first and */* lower
// (text/html,…,*/*;q=0.8). Only an explicit text/html or
// application/xhtml+xml counts for HTML; application/json, application/*
// and */* count for JSON, and a tie goes to JSON, the API's own answer.
func prefersHTML(accept string) bool {
	html, json := 0.0, 0.0
	for part := range strings.SplitSeq(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		q := 1.0
		if v, ok := params["q"]; ok {
			if q, err = strconv.ParseFloat(v, 64); err != nil {
				continue
			}
		}
		switch mt {
		case "text/html", "application/xhtml+xml":
			html = max(html, q)
		case "application/json", "application/*", "*/*":
			json = max(json, q)
		}
	}
	return html > json
}
