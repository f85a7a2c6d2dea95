from cgpn.cli import cli

cli(prog_name="cgpn")
