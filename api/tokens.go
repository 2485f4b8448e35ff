package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/plancast/plancast"
)

// TokenInfo is a token as it is listed (GET /api/v1/tokens, plancast token
// list --json): never the secret, which is not stored, and never the whole
// hash, which the store looks tokens up by: the ID names a token well enough,
// and listings end up pasted into tickets and chats.
type TokenInfo struct {
	ID      string     `json:"id"` // the first 12 hex digits of the hash (plancast.Token.ID)
	Scope   string     `json:"scope"`
	Region  string     `json:"region,omitempty"`
	Admin   bool       `json:"admin"`
	Name    string     `json:"name,omitempty"`
	Created time.Time  `json:"created"`
	Revoked *time.Time `json:"revoked,omitempty"`
}

// NewTokenInfo is t as it is listed.
func NewTokenInfo(t *plancast.Token) TokenInfo {
	return TokenInfo{ID: t.ID(), Scope: t.Scope, Region: t.Region, Admin: t.Admin, Name: t.Name, Created: t.Created, Revoked: t.Revoked}
}

// NewTokenInfos lists ts as they are listed.
func NewTokenInfos(ts []plancast.Token) []TokenInfo {
	out := make([]TokenInfo, len(ts))
	for i := range ts {
		out[i] = NewTokenInfo(&ts[i])
	}
	return out
}

// CreatedToken answers a token's creation: its listing, and its secret,
// shown this once.
type CreatedToken struct {
	TokenInfo
	Secret string `json:"secret"`
}

// TokenRequest is the body of POST /api/v1/tokens: exactly one of Region,
// Admin and Read, and an optional Name.
type TokenRequest struct {
	Region *string `json:"region,omitempty"` // a token that pushes for this region
	Admin  bool    `json:"admin,omitempty"`  // a token that pushes for every region and manages tokens
	Read   bool    `json:"read,omitempty"`   // a token that reads, when the server requires a read token
	Name   string  `json:"name,omitempty"`   // a label, e.g. "Houma statistics bureau"
}

// Token is the token the request asks for, before it is issued: its scope,
// admin flag, region and name (the region not yet checked against the
// catalog).
func (r *TokenRequest) Token() plancast.Token {
	tok := plancast.Token{Scope: plancast.ScopeWrite, Admin: r.Admin, Name: r.Name}
	switch {
	case r.Read:
		tok.Scope = plancast.ScopeRead
	case r.Region != nil:
		tok.Region = *r.Region
	}
	return tok
}

// maxTokenName bounds a token's label: it is shown in listings and logs.
const maxTokenName = 200

// adminToken authenticates a route that manages tokens: it needs an admin
// write token, which may push for every region anyway.
func (s *Server) adminToken(c echo.Context) (*plancast.Token, error) {
	return s.adminTokenFor(c, "managing tokens needs an admin token (plancast token create --admin)")
}

// adminTokenFor authenticates a route only an admin token opens; forbidden
// says why to any other token. Without a token the 401 asks for an admin
// token, not the write token a region's bureau would create.
func (s *Server) adminTokenFor(c echo.Context, forbidden string) (*plancast.Token, error) {
	if bearer(c) == "" {
		return nil, plancast.Errorf(plancast.EUNAUTHORIZED, "this route needs an admin token: Authorization: Bearer <token> (create one with plancast token create --admin)")
	}
	tok, err := s.writeToken(c)
	if err != nil {
		return nil, err
	}
	if !tok.Admin {
		return nil, plancast.Errorf(plancast.EFORBIDDEN, "%s", forbidden)
	}
	return tok, nil
}

// noStore keeps token answers out of every cache: a listing names who may
// push, and a creation's answer holds a secret.
func noStore(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		c.Response().Header().Set("Cache-Control", "no-store")
		return next(c)
	}
}

// getTokens lists every token, revoked ones too, oldest first.
func (s *Server) getTokens(c echo.Context) error {
	if _, err := s.adminToken(c); err != nil {
		return err
	}
	ts, err := s.cfg.Store.Tokens(c.Request().Context())
	if err != nil {
		return fmt.Errorf("list the tokens: %w", err)
	}
	return c.JSON(http.StatusOK, map[string]any{"tokens": NewTokenInfos(ts)})
}

// postTokens creates a token and answers 201 with its listing and its
// secret; only the secret's hash is stored, so this is the one time it is
// shown.
func (s *Server) postTokens(c echo.Context) error {
	caller, err := s.adminToken(c)
	if err != nil {
		return err
	}
	req, err := readTokenRequest(c)
	if err != nil {
		return err
	}
	tok := req.Token()
	if tok.Region != "" {
		r, err := s.region(c, tok.Region)
		if plancast.ErrorCode(err) == plancast.ENOTFOUND {
			// A region missing from the catalog is a mistake in the body, not
			// a missing resource: 400, as an unknown region in a push.
			return plancast.Errorf(plancast.EINVALID, "%s", plancast.ErrorMessage(err))
		}
		if err != nil {
			return err
		}
		tok.Region = r.Code
	}
	secret, issued, err := plancast.IssueToken(c.Request().Context(), s.cfg.Store, tok, time.Now())
	if err != nil {
		return err
	}
	s.log.Info("token created", "id", issued.ID(), "name", issued.Name, "scope", issued.Scope, "region", issued.Region, "admin", issued.Admin, "by", caller.ID())
	return c.JSON(http.StatusCreated, CreatedToken{TokenInfo: NewTokenInfo(issued), Secret: secret})
}

// readTokenRequest decodes and checks POST /api/v1/tokens' body; each
// mistake is answered 400 naming the field.
func readTokenRequest(c echo.Context) (*TokenRequest, error) {
	mt, _, _ := mime.ParseMediaType(c.Request().Header.Get(echo.HeaderContentType))
	if mt != "application/json" && mt != "" {
		return nil, unsupportedType(mt, "application/json")
	}
	const example = `{"region": "houma"}, {"admin": true} or {"read": true}, with an optional "name"`
	dec := json.NewDecoder(io.LimitReader(c.Request().Body, 64<<10))
	dec.DisallowUnknownFields()
	var req TokenRequest
	if err := dec.Decode(&req); err != nil {
		var typeErr *json.UnmarshalTypeError
		var syntaxErr *json.SyntaxError
		switch field, unknown := strings.CutPrefix(err.Error(), "json: unknown field "); {
		case errors.Is(err, io.EOF):
			return nil, plancast.Errorf(plancast.EINVALID, "the body is empty; send one of %s", example)
		case unknown:
			field = strings.Trim(field, `"`)
			hint := ""
			if near := plancast.Nearest(field, []string{"region", "admin", "read", "name"}); near != "" {
				hint = fmt.Sprintf("; did you mean %q?", near)
			}
			return nil, plancast.Errorf(plancast.EINVALID, "unknown field %q%s; send one of %s", field, hint, example)
		case errors.As(err, &typeErr) && typeErr.Field != "":
			want := map[string]string{"region": "a region code (a string)", "admin": "true or false", "read": "true or false", "name": "a string"}[typeErr.Field]
			if want == "" {
				want = "of another type"
			}
			return nil, plancast.Errorf(plancast.EINVALID, "field %q must be %s, not a JSON %s", typeErr.Field, want, typeErr.Value)
		case errors.As(err, &syntaxErr), errors.As(err, &typeErr), errors.Is(err, io.ErrUnexpectedEOF):
			return nil, plancast.Errorf(plancast.EINVALID, "the body is not a JSON object (%v); send one of %s", err, example)
		default:
			return nil, plancast.Errorf(plancast.EINVALID, "read the body: %v", err)
		}
	}
	if dec.More() {
		return nil, plancast.Errorf(plancast.EINVALID, "the body holds more than one JSON value; send one of %s", example)
	}
	kinds := 0
	for _, chosen := range []bool{req.Region != nil, req.Admin, req.Read} {
		if chosen {
			kinds++
		}
	}
	switch {
	case kinds != 1:
		return nil, plancast.Errorf(plancast.EINVALID, `give exactly one of the fields "region", "admin" and "read" (%d given): %s`, kinds, example)
	case req.Region != nil && *req.Region == "":
		return nil, plancast.Errorf(plancast.EINVALID, `field "region" is empty; give the region the token may push for`)
	case len([]rune(req.Name)) > maxTokenName:
		return nil, plancast.Errorf(plancast.EINVALID, `field "name" is longer than %d characters`, maxTokenName)
	case strings.ContainsFunc(req.Name, func(r rune) bool { return r < ' ' || r == 0x7f }):
		return nil, plancast.Errorf(plancast.EINVALID, `field "name" holds a control character`)
	}
	return &req, nil
}

// deleteToken revokes a token, named by its ID (or whole hash), and answers
// with its record. Revoking a revoked token changes nothing. A token may not
// revoke itself: an operator would lock themselves out by a slip of the
// finger, so it takes another admin token.
func (s *Server) deleteToken(c echo.Context) error {
	caller, err := s.adminToken(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	tok, err := plancast.FindToken(ctx, s.cfg.Store, c.Param("id"))
	if err != nil {
		return err
	}
	if tok.Hash == caller.Hash {
		return plancast.Errorf(plancast.ECONFLICT, "the token %s may not revoke itself; revoke it with another admin token (plancast token create --admin)", tok.ID())
	}
	wasRevoked := tok.Revoked != nil
	tok, err = plancast.RevokeToken(ctx, s.cfg.Store, tok.Hash, time.Now())
	if err != nil {
		return err
	}
	if !wasRevoked {
		s.log.Info("token revoked", "id", tok.ID(), "name", tok.Name, "scope", tok.Scope, "region", tok.Region, "admin", tok.Admin, "by", caller.ID())
	}
	return c.JSON(http.StatusOK, NewTokenInfo(tok))
}
