"""The base every stage uses: errors, the French catalogue, number and date words, periods."""
