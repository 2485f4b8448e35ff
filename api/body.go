package api

import (
	"errors"
	"io"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/plancast/plancast"
)

// countedBody counts the bytes read of a request body, so that an upload
// cut short can be told how far it came.
type countedBody struct {
	r io.Reader
	n int64
}

func (b *countedBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	b.n += int64(n)
	return n, err
}

// bodyCutShort turns a failure to read a request body to its end into the
// 400 that says so: the client dropped the connection before the length it
// announced (Content-Length), or before a chunked body's last chunk, or the
// body stopped coming. Such a body is refused whole, its first part
// unwritten: read as it came, a figure cut mid-number was stored short and
// the rows after it lost. name is the upload's file; read is the bytes that
// came. A body over the server's limit stays the 413 it is.
func bodyCutShort(r *http.Request, name string, read int64, err error) error {
	var he *echo.HTTPError
	if errors.As(err, &he) {
		return err
	}
	cause := ""
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		cause = " (" + err.Error() + ")"
	}
	switch {
	case r.ContentLength > 0:
		return plancast.Errorf(plancast.EINVALID, "the upload of %s ended after %d bytes of the %d announced (Content-Length)%s; nothing was written: send the whole file again",
			name, read, r.ContentLength, cause)
	case len(r.TransferEncoding) > 0:
		return plancast.Errorf(plancast.EINVALID, "the upload of %s ended after %d bytes, before the last chunk of its chunked body%s; nothing was written: send the whole file again",
			name, read, cause)
	}
	return plancast.Errorf(plancast.EINVALID, "the upload of %s ended after %d bytes%s; nothing was written: send the whole file again", name, read, cause)
}
