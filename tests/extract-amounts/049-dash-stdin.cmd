extract-amounts - data/doc-jp.txt
