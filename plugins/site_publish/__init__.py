"""Publishing: the go-live gate (nothing unconfirmed goes to production) and the atomic deploy
to DEPLOY_TARGET (a local folder or an rsync-over-ssh target) with rollback.

    python -m site_publish go-live --settings publishconf.py
    python -m site_publish deploy  --site output --settings publishconf.py --target DEST
    python -m site_publish rollback --target DEST
    python -m site_publish status   --target DEST
"""
