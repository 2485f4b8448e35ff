package api

import (
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/plancast/plancast"
)

// bearer returns the token of "Authorization: Bearer <token>", "" when absent.
func bearer(c echo.Context) string {
	h := c.Request().Header.Get(echo.HeaderAuthorization)
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(tok)
}

// writeToken authenticates a write: no token is 401, an unknown or revoked
// token is 401, a read-only token is 403 — the server's own read token
// (--read-token) as a stored one: it is known, and opens the reads of this
// server, so "not recognised" sent its holder to look for a typo or a
// revocation. Tokens are looked up by their SHA-256 and never logged.
func (s *Server) writeToken(c echo.Context) (*plancast.Token, error) {
	secret := bearer(c)
	if secret == "" {
		return nil, plancast.Errorf(plancast.EUNAUTHORIZED, "this route needs a write token: Authorization: Bearer <token> (create one with plancast token create --region R)")
	}
	if s.cfg.ReadToken != "" && plancast.SameSecret(secret, s.cfg.ReadToken) {
		return nil, plancast.Errorf(plancast.EFORBIDDEN, "this is the server's read token (--read-token): it opens reads only; %s", needsWriteToken)
	}
	tok, err := s.storedToken(c, secret)
	if err != nil {
		return nil, err
	}
	if tok.Scope != plancast.ScopeWrite {
		return nil, plancast.Errorf(plancast.EFORBIDDEN, "the token is read-only: it opens reads only; %s", needsWriteToken)
	}
	return tok, nil
}

// needsWriteToken ends the 403 to a read token on a write route.
const needsWriteToken = "this route needs a write token (plancast token create --region R, or --admin)"

// storedToken returns the stored token a secret opens: 401 when no token has
// its hash, and 401 saying when for a revoked one (its record is kept for
// this), so that a bureau whose token was withdrawn learns why, not only that
// it was refused.
func (s *Server) storedToken(c echo.Context, secret string) (*plancast.Token, error) {
	tok, err := s.cfg.Store.TokenByHash(c.Request().Context(), plancast.HashToken(secret))
	if plancast.ErrorCode(err) == plancast.ENOTFOUND {
		return nil, plancast.Errorf(plancast.EUNAUTHORIZED, "the token is not recognised")
	}
	if err != nil {
		return nil, err
	}
	if tok.Revoked != nil {
		return nil, plancast.Errorf(plancast.EUNAUTHORIZED, "the token %s was revoked on %s; ask the operator for a new one", tok.ID(), tok.Revoked.UTC().Format(time.DateOnly))
	}
	return tok, nil
}

// authorizeRegions checks that tok may write every one of regions. This and
// plancast.Token.MayWrite are the only places region scoping is decided.
func authorizeRegions(tok *plancast.Token, regions map[string]bool) error {
	for r := range regions {
		if !tok.MayWrite(r) {
			return plancast.Errorf(plancast.EFORBIDDEN, "the token may write region %q only, not %q", tok.Region, r)
		}
	}
	return nil
}

// dataVersionHeader names the data version a read answer was computed from;
// send it back in If-Match on a push to refuse the push if anything changed.
const dataVersionHeader = "X-Data-Version"

// withDataVersion sets the data version header on read answers.
func (s *Server) withDataVersion(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if v, err := s.cache.Version(c.Request().Context()); err == nil {
			c.Response().Header().Set(dataVersionHeader, v)
		}
		return next(c)
	}
}

// requireRead guards the read routes when the server was started with a read
// token: the configured token, or any stored token not revoked, opens them.
func (s *Server) requireRead(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if err := s.checkRead(c); err != nil {
			return err
		}
		return next(c)
	}
}

// checkRead is requireRead's check, for a handler that guards only some of
// its requests (report extraction without commit): nil when reads are open
// (no read token configured) or the request carries a token that opens them.
func (s *Server) checkRead(c echo.Context) error {
	if s.cfg.ReadToken == "" {
		return nil
	}
	return s.readTokenAccepted(c, readSecret(c))
}

// unsupportedType answers 415 for a body type a route does not read.
func unsupportedType(ct string, accepted ...string) error {
	return echo.NewHTTPError(http.StatusUnsupportedMediaType,
		"content type "+quote(ct)+" is not accepted here; use "+strings.Join(accepted, ", "))
}

func quote(s string) string { return "\"" + s + "\"" }
