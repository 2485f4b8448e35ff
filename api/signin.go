package api

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/plancast/plancast"
)

// readCookie is the cookie a browser signed in with a read token sends
// instead of the Authorization header it cannot add by itself: the
// dashboard's page and its chart images are plain GETs. It holds the token
// as given, like the header, and opens reads only (writeToken reads the
// header alone). It is HttpOnly (no script reads it), SameSite=Strict (no
// other site's page sends it) and lasts the browser's session; Secure when
// the server is reached over HTTPS.
const readCookie = "plancast_read"

// crossOrigin tells a form posted from this server's own page from one
// posted from another site's: net/http reads the browser's Sec-Fetch-Site,
// else its Origin against the Host. A request with neither (curl, a
// browser too old to send them) is let through.
var crossOrigin = http.NewCrossOriginProtection()

// sameOriginForm refuses a sign-in or sign-out posted from another site's
// page. SameSite=Strict keeps the cookie from being sent from there, but not
// from being set: without this, a page elsewhere could sign a visitor in
// with a token of its choosing (login CSRF), or sign them out.
func sameOriginForm(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if err := crossOrigin.Check(c.Request()); err != nil {
			return plancast.Errorf(plancast.EFORBIDDEN, "%s posted from another site's page is refused: sign in and out from this server's own pages", c.Request().URL.Path)
		}
		return next(c)
	}
}

// readSecret is the read token a request carries: its Authorization header,
// else the sign-in cookie.
func readSecret(c echo.Context) string {
	if secret := bearer(c); secret != "" {
		return secret
	}
	if ck, err := c.Cookie(readCookie); err == nil {
		return ck.Value
	}
	return ""
}

// readTokenAccepted checks secret as requireRead does: the server's read
// token, or a stored token that is not revoked.
func (s *Server) readTokenAccepted(c echo.Context, secret string) error {
	if secret == "" {
		return plancast.Errorf(plancast.EUNAUTHORIZED, "this server requires a token for reads: Authorization: Bearer <token>")
	}
	if plancast.SameSecret(secret, s.cfg.ReadToken) {
		return nil
	}
	_, err := s.storedToken(c, secret)
	return err
}

// postSignIn takes the token typed into the 401 page (a form field
// "token") and, when it would open reads, sets the read cookie and sends
// the browser back (303) to the address it asked for (the form field
// "next": a chart, a download, the dashboard with its region), or to the
// dashboard when there is none or it is not a path on this server. A
// refused token gets the 401 page again, saying why. A server that asks no
// read token has nothing to sign in to: back as well.
func (s *Server) postSignIn(c echo.Context) error {
	back := dashboardIn(c.FormValue("lang"))
	if next := c.FormValue("next"); localPath(next) {
		back = next
	}
	if s.cfg.ReadToken == "" {
		return c.Redirect(http.StatusSeeOther, back)
	}
	// Trimmed as the Authorization header is by HTTP's rules and the
	// --read-token and --token flags are: a token holds no whitespace, and a
	// pasted one often brings a space or a line end along.
	secret := strings.TrimSpace(c.FormValue("token"))
	if err := s.readTokenAccepted(c, secret); err != nil {
		return s.unauthorizedPage(c, err, secret != "")
	}
	c.SetCookie(&http.Cookie{Name: readCookie, Value: secret, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: c.Scheme() == "https"})
	return c.Redirect(http.StatusSeeOther, back)
}

// localPath reports whether next is an address on this server that a
// browser may be sent back to after signing in: a path from the root with
// its query, as the 401 page puts it in its form. Anything a browser could
// read as another site is refused, so that a sign-in form posted from
// another site's page cannot send the browser on to a site of its choosing,
// with this server's name on the way (an open redirect): an absolute URL
// (https://other.example/), a scheme (javascript:), a host of the same
// scheme (//other.example/), a backslash (browsers read /\other.example
// as //other.example), and any control character or space (browsers drop
// tabs and newlines from an address, so "/\t/other.example" is
// "//other.example"). A path asked for by a browser is printable ASCII:
// anything else is escaped in it.
func localPath(next string) bool {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
		return false
	}
	for i := 0; i < len(next); i++ {
		if b := next[i]; b <= ' ' || b >= 0x7f || b == '\\' {
			return false
		}
	}
	u, err := url.Parse(next)
	return err == nil && u.Scheme == "" && u.Host == "" && u.User == nil && u.Opaque == ""
}

// postSignOut forgets the read cookie and sends the browser back to the
// dashboard.
func (s *Server) postSignOut(c echo.Context) error {
	c.SetCookie(&http.Cookie{Name: readCookie, Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: c.Scheme() == "https"})
	return c.Redirect(http.StatusSeeOther, dashboardIn(c.FormValue("lang")))
}

// dashboardIn is the dashboard's address in lang: "/", or "/?lang=zh".
func dashboardIn(lang string) string {
	if lang == "zh" {
		return "/?lang=zh"
	}
	return "/"
}

// signedIn reports whether the request was let in by the read cookie (so
// the dashboard offers to sign out).
func (s *Server) signedIn(c echo.Context) bool {
	if s.cfg.ReadToken == "" || bearer(c) != "" {
		return false
	}
	ck, err := c.Cookie(readCookie)
	return err == nil && ck.Value != ""
}
