"""Paste on X11: own the CLIPBOARD on a private X connection, focus the window, press Ctrl+V.

Serving the paste ourselves (instead of through Qt's clipboard) tells us when the target app
has read the text: then the user's clipboard can come back at once. Requests from other clients
(a clipboard manager copying the new content) are answered but do not count as the paste.
"""

from __future__ import annotations

import logging
import select
import threading
from typing import Any

log = logging.getLogger(__name__)
TEXT_TARGETS = ("UTF8_STRING", "TEXT", "text/plain;charset=utf-8", "STRING", "text/plain")


class X11Paste(threading.Thread):
    """Serves ``text`` as the CLIPBOARD until the client owning ``window`` has read it (and
    deleted the property it was given, as ICCCM asks);
    ``served`` is set then (or when another program takes the clipboard, or on ``stop()``)."""

    def __init__(self, text: str, window: int) -> None:
        super().__init__(name="deskmate-paste", daemon=True)
        # The GUI thread (focus, Ctrl+V, the keyboard check) and this thread (the requests) share
        # one connection: python-xlib only locks it once Xlib.threaded is imported. Without it a
        # loaded machine once lost the paste request, and the field got an empty paste.
        import Xlib.threaded  # type: ignore[import-untyped]  # noqa: F401
        from Xlib import X, display

        self.text, self.window = text, window
        self.served = threading.Event()
        self._halt = threading.Event()
        self.disp: Any = display.Display()
        names = ("CLIPBOARD", "TARGETS", *TEXT_TARGETS)
        self.atoms = {name: self.disp.intern_atom(name) for name in names}
        root = self.disp.screen().root
        self.owner = root.create_window(0, 0, 1, 1, 0, X.CopyFromParent)
        self.owner.set_selection_owner(self.atoms["CLIPBOARD"], X.CurrentTime)
        self.disp.sync()
        if self.disp.get_selection_owner(self.atoms["CLIPBOARD"]) != self.owner:
            self.disp.close()
            raise RuntimeError("cannot own the clipboard")
        mask = self.disp.display.info.resource_id_mask
        self._client = window & ~mask
        self._mask = mask
        self._reading: tuple[int, int] | None = None  # (window, property) the paste reads

    def keyboard_free(self) -> bool:
        """No other client grabs the keyboard (the popup's grab is gone once it is hidden):
        keys sent now reach the focused window."""
        from Xlib import X

        root = self.disp.screen().root
        status = root.grab_keyboard(False, X.GrabModeAsync, X.GrabModeAsync, X.CurrentTime)
        if status != X.GrabSuccess:
            return False
        self.disp.ungrab_keyboard(X.CurrentTime)
        self.disp.sync()
        return True

    def press_ctrl_v(self) -> None:
        """Give the focus back to ``window`` and press Ctrl+V there (XTest)."""
        from Xlib import XK, X, error
        from Xlib.ext import xtest  # type: ignore[import-untyped]

        disp = self.disp
        catcher = error.CatchError()
        target = disp.create_resource_object("window", self.window)
        target.set_input_focus(X.RevertToParent, X.CurrentTime, onerror=catcher)
        disp.sync()
        if catcher.get_error():
            raise RuntimeError(f"cannot focus window {self.window:#x}")
        control = disp.keysym_to_keycode(XK.string_to_keysym("Control_L"))
        v_key = disp.keysym_to_keycode(XK.string_to_keysym("v"))
        for kind, code in ((X.KeyPress, control), (X.KeyPress, v_key),
                           (X.KeyRelease, v_key), (X.KeyRelease, control)):  # fmt: skip
            xtest.fake_input(disp, kind, code)
        disp.sync()

    def stop(self) -> None:
        self._halt.set()

    def run(self) -> None:
        from Xlib import X

        try:
            while not self._halt.is_set() and not self.served.is_set():
                select.select([self.disp.fileno()], [], [], 0.1)
                # Not only when the socket is readable: the GUI thread's sync() (Ctrl+V) may
                # have read the app's request into Xlib's queue already, and the socket then
                # stays quiet; unanswered, the app pasted nothing over the selected text.
                while self.disp.pending_events():
                    event = self.disp.next_event()
                    if event.type == X.SelectionRequest:
                        self._answer(event)
                    elif event.type == X.PropertyNotify and event.state == X.PropertyDelete:
                        if (event.window.id, event.atom) == self._reading:
                            self.served.set()  # the app read the text and deleted it: pasted
                    elif event.type == X.SelectionClear:
                        self.served.set()  # someone else owns the clipboard now
        except Exception as exc:  # a closed display: nothing more to serve
            log.info("paste server stopped: %s", exc)
        finally:
            self.served.set()
            self.owner.destroy()
            self.disp.close()

    def _answer(self, request: Any) -> None:
        from Xlib import X, Xatom
        from Xlib.protocol import event  # type: ignore[import-untyped]

        atoms = self.atoms
        prop = request.property or request.target  # obsolete clients give no property
        if request.target == atoms["TARGETS"]:
            offered = [atoms["TARGETS"], *(atoms[name] for name in TEXT_TARGETS)]
            request.requestor.change_property(prop, Xatom.ATOM, 32, offered)
        elif request.target in {atoms[name] for name in TEXT_TARGETS}:
            latin = request.target in (atoms["STRING"],)
            data = self.text.encode("latin-1", "replace") if latin else self.text.encode()
            if request.requestor.id & ~self._mask == self._client:
                # ICCCM: the requestor deletes the property once it has read it; giving the
                # clipboard back before that can make the app drop the paste
                request.requestor.change_attributes(event_mask=X.PropertyChangeMask)
                self._reading = (request.requestor.id, prop)
            request.requestor.change_property(prop, request.target, 8, data)
        else:
            prop = X.NONE
        notify = event.SelectionNotify(
            time=request.time,
            requestor=request.requestor,
            selection=request.selection,
            target=request.target,
            property=prop,
        )
        request.requestor.send_event(notify, event_mask=0)
        self.disp.flush()
