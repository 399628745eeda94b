extract-amounts --format=tsv data/doc-cn.txt data/doc-jp.txt
