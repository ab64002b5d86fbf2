!process 0 0
