"""The award round: nominations workbooks → tờ trình, biên bản, quyết định with its danh
sách, money table, HR export, register and metadata sidecars."""
