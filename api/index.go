package api

import (
	"cmp"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/labstack/echo/v4"
)

// Index is the answer of GET /api/v1: what a developer opening the API's
// root needs to find the rest, where a bare 404 told them nothing.
type Index struct {
	Name      string       `json:"name"`
	Version   string       `json:"version"` // the API document's (info.version)
	OpenAPI   string       `json:"openapi"` // the full description
	Dashboard string       `json:"dashboard"`
	Build     Build        `json:"build"` // the running binary's, not the document's
	Routes    []IndexRoute `json:"routes"`
}

// IndexRoute is one operation of the API, as openapi.json names it.
type IndexRoute struct {
	Method  string `json:"method"`
	Path    string `json:"path"`
	Summary string `json:"summary"`
}

// index is the index's body, read once from the embedded openapi.json: the
// routes are the document's operations, so the index cannot list a route
// the document does not, and TestOpenAPIMatchesRoutes keeps the document
// to the registered routes.
var index = sync.OnceValues(func() ([]byte, error) {
	var doc struct {
		Info struct{ Title, Version string }
		// path → method → operation
		Paths map[string]map[string]struct{ Summary string }
	}
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		return nil, fmt.Errorf("read the embedded openapi.json: %w", err)
	}
	ix := Index{Name: doc.Info.Title, Version: doc.Info.Version, OpenAPI: "/api/v1/openapi.json", Dashboard: "/", Build: CurrentBuild(), Routes: []IndexRoute{}}
	for path, ops := range doc.Paths {
		for method, op := range ops {
			ix.Routes = append(ix.Routes, IndexRoute{Method: strings.ToUpper(method), Path: path, Summary: op.Summary})
		}
	}
	// By path, and a path's methods as a client would use them: read,
	// write, withdraw.
	order := map[string]int{"GET": 0, "POST": 1, "DELETE": 2}
	slices.SortFunc(ix.Routes, func(a, b IndexRoute) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(order[a.Method], order[b.Method]))
	})
	return json.Marshal(ix)
})

// getIndex answers GET /api/v1 and /api/v1/. Like openapi.json it needs no
// token: it says what there is, not what the store holds.
func (s *Server) getIndex(c echo.Context) error {
	body, err := index()
	if err != nil {
		return err
	}
	return c.JSONBlob(http.StatusOK, body)
}
