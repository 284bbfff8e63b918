"""Word drafts coming in: opened safely, their parts found, their form checked against Decree 30.

:mod:`.mo_tep` checks the zip before python-docx reads it; :mod:`.chuyen_doi` converts .doc and
.odt with LibreOffice; :mod:`.dinh_dang` resolves each run's formatting through Word's style
inheritance; :mod:`.tim_phan` finds the draft's parts; :mod:`.the_thuc` checks them.
"""
