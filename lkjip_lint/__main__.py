from lkjip_lint.cli import main

main()
