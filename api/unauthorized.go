package api

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/plancast/plancast"
)

//go:embed templates/unauthorized.html
var unauthorizedHTML string

var unauthorizedTemplate = template.Must(template.New("unauthorized").Parse(unauthorizedHTML))

// browserUnauthorized answers a browser that requireRead refused with a
// small page saying that a read token is needed and how to send it: a
// browser shows a JSON error body as raw text, which tells a planner
// nothing. A client that does not ask for HTML before JSON (curl's */*, an
// API client's application/json, no Accept at all) gets the JSON error every
// read route answers, unchanged.
func (s *Server) browserUnauthorized(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		err := next(c)
		if err == nil || plancast.ErrorCode(err) != plancast.EUNAUTHORIZED || !prefersHTML(c.Request().Header.Get(echo.HeaderAccept)) {
			return err
		}
		return s.unauthorizedPage(c, err, readSecret(c) != "")
	}
}

// unauthorizedPage answers 401 with the page that says a read token is
// needed, how to send it and where to type it (postSignIn); sent says a
// token was sent and refused, and err why (not recognised, or revoked on a
// date), as the JSON error does.
func (s *Server) unauthorizedPage(c echo.Context, err error, sent bool) error {
	page := struct{ Lang, Refused string }{Lang: "en"}
	if c.QueryParam("lang") == "zh" || c.FormValue("lang") == "zh" {
		page.Lang = "zh"
	}
	if sent {
		page.Refused = plancast.ErrorMessage(err)
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
