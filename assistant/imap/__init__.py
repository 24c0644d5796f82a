"""IMAP: the user's real mailbox. Accounts, a verified TLS connection, the newest INBOX
envelopes, reply drafts APPENDed to the Drafts folder, and a watcher that drafts replies to new
mail. Deskmate may add drafts to Drafts and nothing else: it never sends, deletes, moves or
flags the user's mail (INBOX is only ever opened read-only)."""
